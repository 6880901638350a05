package cn.kaifeng.jointapproval.notify;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * What happens to a job that failed. A mail job waits {@code jointapproval.mail.retry-interval}
 * before its next try, as the send-mail process's {@code ${mailSettings.retryCycle}} did: Camunda's
 * default would retry a job without an activity at once, three times within a second. Every other
 * job gets Camunda's default treatment.
 */
class MailRetryCommandFactory implements FailedJobCommandFactory {

  private final Duration interval;

  MailRetryCommandFactory(Duration interval) {
    this.interval = interval;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new MailRetryCmd(jobId, exception, interval);
  }

  static final class MailRetryCmd extends JobRetryCmd {

    private final Duration interval;

    MailRetryCmd(String jobId, Throwable exception, Duration interval) {
      super(jobId, exception);
      this.interval = interval;
    }

    @Override
    public Object execute(CommandContext context) {
      var job = getJob();
      if (job == null || !MailBatchJobHandler.TYPE.equals(job.getJobHandlerType())) {
        return new DefaultJobRetryCmd(jobId, exception).execute(context);
      }
      job.unlock();
      logException(job);
      decrementRetries(job);
      // The next try after the interval; the last failure stays due, so that the resend call
      // (retries set again) sends at once.
      long now = ClockUtil.getCurrentTime().getTime();
      job.setDuedate(new Date(job.getRetries() > 0 ? now + interval.toMillis() : now));
      notifyAcquisition(context);
      return null;
    }
  }
}
