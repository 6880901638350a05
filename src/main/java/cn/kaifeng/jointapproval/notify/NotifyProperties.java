package cn.kaifeng.jointapproval.notify;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from sender address of every mail
 * @param tasklistUrl where Tasklist is, for the links in mails
 * @param templatesDir a directory whose templates replace the shipped ones (same file names), so
 *     an operator changes wording without a new build; empty for the shipped ones only
 * @param attempts how often a mail is tried before it becomes an incident in Cockpit
 * @param retryInterval the wait between tries
 * @param digestAt when the daily digest goes out, Beijing time
 * @param keepDays how long a sent mail stays in {@code mail_outbox} (the mail history), purged by
 *     the night history cleanup
 */
@ConfigurationProperties("jointapproval.mail")
public record NotifyProperties(
    @DefaultValue("联审联批系统 <noreply@kaifeng.example.org>") String from,
    @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") String tasklistUrl,
    @DefaultValue("") String templatesDir,
    @DefaultValue("3") int attempts,
    @DefaultValue("PT5M") Duration retryInterval,
    @DefaultValue("08:30") LocalTime digestAt,
    @DefaultValue("180") int keepDays,
    @DefaultValue("PT40S") Duration batchTime) {

  public NotifyProperties {
    if (attempts < 1) {
      throw new IllegalArgumentException("jointapproval.mail.attempts must be at least 1");
    }
    if (batchTime.isNegative() || batchTime.compareTo(Duration.ofSeconds(45)) > 0) {
      // With the 2-minute job lock and up to 70 s for one mail (the SMTP timeouts).
      throw new IllegalArgumentException("jointapproval.mail.batch-time must be between 0 and 45 s");
    }
    if (keepDays < 1) {
      throw new IllegalArgumentException("jointapproval.mail.keep-days must be at least 1");
    }
  }
}
