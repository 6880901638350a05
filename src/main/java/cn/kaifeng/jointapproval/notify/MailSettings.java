package cn.kaifeng.jointapproval.notify;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Mail settings as BPMN reads them ({@code mailSettings}): the retry cycle of the send-mail job
 * (instances queued before the outbox; the outbox's jobs use the same attempts and interval, see
 * {@link MailRetryCommandFactory}) and the daily digest's timer, in Beijing time whatever the
 * server's zone.
 */
@Component("mailSettings")
@ModelExpressionBean
public class MailSettings {

  private final NotifyProperties properties;

  public MailSettings(NotifyProperties properties) {
    this.properties = properties;
  }

  /** The job starts with as many retries as the cycle repeats: one per attempt. */
  public String getRetryCycle() {
    return "R" + properties.attempts() + "/" + properties.retryInterval();
  }

  /** Every day at the digest time, from the next one on (explicit +08:00 offset). */
  public String getDigestCycle() {
    var now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
    var next = now.with(properties.digestAt()).withSecond(0).withNano(0);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return "R/" + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
  }
}
