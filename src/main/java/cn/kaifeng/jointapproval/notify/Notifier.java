package cn.kaifeng.jointapproval.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues a mail: one row in {@code mail_outbox} in the caller's transaction, sent by that
 * transaction's mail job ({@link MailJobs}, {@link MailBatchJobHandler}) only after it commits
 * (a rolled-back step sends nothing), retried on failure, and a mail that still fails is an
 * incident while the work that caused it goes on.
 */
@Component
public class Notifier {

  /**
   * The process that sent each mail before the outbox; it stays deployed for mails queued before
   * the upgrade, and nothing starts it any more.
   */
  public static final String PROCESS_KEY = "send-mail";

  private final MailOutbox outbox;
  private final MailJobs jobs;
  private final TransactionTemplate transaction;

  public Notifier(MailOutbox outbox, MailJobs jobs, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.jobs = jobs;
    // Joins the caller's transaction; without one, the row and its job still commit together.
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Mails the members of {@code groups} (those with an address) using {@code template}. */
  public void toGroups(String template, Collection<String> groups, Map<String, ?> model) {
    queue(template, List.copyOf(groups), List.of(), model);
  }

  public void toUser(String template, String userId, Map<String, ?> model) {
    queue(template, List.of(), List.of(userId), model);
  }

  /** One mail to the members of {@code groups} and to {@code users} together. */
  public void to(String template, Collection<String> groups, Collection<String> users,
      Map<String, ?> model) {
    queue(template, List.copyOf(groups), List.copyOf(users), model);
  }

  private void queue(String template, List<String> groups, List<String> users,
      Map<String, ?> model) {
    String recipientGroups = Recipients.join(groups);
    String recipientUsers = Recipients.join(users);
    Map<String, String> values = new LinkedHashMap<>();
    model.forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
    Object projectCode = model.get("projectCode");
    transaction.executeWithoutResult(status -> outbox.add(UUID.randomUUID().toString(),
        jobs.current(), template, recipientGroups, recipientUsers, values,
        projectCode == null ? null : projectCode.toString(),
        ClockUtil.getCurrentTime().toInstant()));
  }
}
