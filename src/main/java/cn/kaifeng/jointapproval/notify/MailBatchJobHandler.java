package cn.kaifeng.jointapproval.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 发送邮件: the engine job that sends the mails one transaction queued ({@link Notifier}), after
 * that transaction committed. Each mail goes to the current members with an address of its
 * groups and to its users, rendered from its template, with the Message-ID of its outbox row.
 *
 * <p>When a mail fails, the mails this run already sent are recorded as sent in a transaction of
 * their own before the job fails, so that the retries ({@link MailRetryCommandFactory}) and the
 * resend call send only what did not go out. Registered by {@link MailOutboxPlugin}.
 */
public class MailBatchJobHandler implements JobHandler<MailBatchJobHandler.Batch> {

  /**
   * The job's handler type, and the process definition key it carries without a process, by
   * which job queries (the resend call) find mail jobs.
   */
  public static final String TYPE = "mail-outbox";

  /** The configuration of a mail job: the id of its own job, which its outbox rows carry. */
  public record Batch(String jobId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return jobId;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(MailBatchJobHandler.class);

  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final MailGateway gateway;
  private final Duration batchTime;
  private final int attempts;

  /**
   * {@code batchTime}: after it no further mail of the batch is started; the rest go to a new job
   * committed with this one. A job must end before its lock (two minutes) runs out, or another
   * node would take it and send its mails again; one mail may take the SMTP timeouts (up to 70 s),
   * so the batch stops starting mails well before.
   */
  MailBatchJobHandler(MailOutbox outbox, MailTemplates templates, MailGateway gateway,
      Duration batchTime, int attempts) {
    this.outbox = outbox;
    this.templates = templates;
    this.gateway = gateway;
    this.batchTime = batchTime;
    this.attempts = attempts;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Batch batch, ExecutionEntity execution, CommandContext context,
      String tenantId) {
    List<MailOutbox.Sent> sent = new ArrayList<>();
    long stopAt = System.nanoTime() + batchTime.toNanos();
    try {
      for (var mail : outbox.unsent(batch.jobId())) {
        if (!sent.isEmpty() && System.nanoTime() > stopAt) {
          String next = MailJobs.createIn(context, attempts);
          int rest = outbox.moveUnsent(batch.jobId(), next);
          log.info("Mail job {} sent {} mails in its time; {} more go to job {}", batch.jobId(),
              sent.size(), rest, next);
          break;
        }
        var to = context.runWithoutAuthorization(() -> addresses(context, mail));
        String messageId = null;
        if (to.isEmpty()) {
          log.info("Mail {} has no recipient with an address (groups {}, users {})",
              mail.template(), mail.groups(), mail.users());
        } else {
          gateway.send(mail.id(), to, templates.render(mail.template(), mail.model()));
          messageId = MailGateway.messageId(mail.id());
        }
        sent.add(new MailOutbox.Sent(mail.id(), messageId, to, now()));
      }
    } catch (RuntimeException e) {
      if (!sent.isEmpty()) {
        outbox.markSentNow(sent);
      }
      throw e;
    }
    outbox.markSent(sent);
  }

  private static List<String> addresses(CommandContext context, MailOutbox.Mail mail) {
    var identity = context.getReadOnlyIdentityProvider();
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : mail.groups()) {
      identity.createUserQuery(context).memberOfGroup(group).orderByUserId().asc().list()
          .forEach(user -> add(addresses, user));
    }
    for (String userId : mail.users()) {
      add(addresses, identity.createUserQuery(context).userId(userId).singleResult());
    }
    return new ArrayList<>(addresses);
  }

  private static void add(Set<String> addresses, User user) {
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(user.getEmail());
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public Batch newConfiguration(String canonicalString) {
    return new Batch(canonicalString);
  }

  @Override
  public void onDelete(Batch batch, JobEntity job) {
    // A deleted job leaves its unsent rows in the outbox, visible, rather than losing them.
  }
}
