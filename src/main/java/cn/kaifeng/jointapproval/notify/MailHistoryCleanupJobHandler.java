package cn.kaifeng.jointapproval.notify;

import java.time.Duration;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's history cleanup, which also purges the mail history older than
 * {@code jointapproval.mail.keep-days}: sent outbox rows and the mail jobs' engine history. It runs
 * when the cleanup does (the night window, 01:00–05:00 Beijing, or at once when started by hand),
 * on whichever node took the cleanup job; the deletes are idempotent, two nodes may both run them.
 */
class MailHistoryCleanupJobHandler extends HistoryCleanupJobHandler {

  private static final Logger log = LoggerFactory.getLogger(MailHistoryCleanupJobHandler.class);

  private final MailOutbox outbox;
  private final Duration keep;

  MailHistoryCleanupJobHandler(MailOutbox outbox, Duration keep) {
    this.outbox = outbox;
    this.keep = keep;
  }

  @Override
  public void execute(HistoryCleanupJobHandlerConfiguration configuration,
      ExecutionEntity execution, CommandContext context, String tenantId) {
    super.execute(configuration, execution, context, tenantId);
    if (configuration.isImmediatelyDue() || isWithinBatchWindow(context)) {
      var cutoff = ClockUtil.getCurrentTime().toInstant().minus(keep);
      int mails = outbox.purgeSentBefore(cutoff);
      int jobLogs = outbox.purgeJobHistoryBefore(cutoff);
      if (mails > 0 || jobLogs > 0) {
        log.info("Purged {} mails sent and {} mail job log rows before {}", mails, jobLogs, cutoff);
      }
    }
  }
}
