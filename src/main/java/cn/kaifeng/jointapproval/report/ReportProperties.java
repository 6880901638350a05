package cn.kaifeng.jointapproval.report;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly report's settings.
 *
 * @param runAt when, each morning (Beijing time), the monthly process asks whether the first
 *     working day of the month has come
 * @param statementDueWorkingDays working days a unit ranked last has for its statement (末位表态)
 * @param pageUrl where the report pages are, for the links in tasks and mails
 */
@ConfigurationProperties("jointapproval.report")
public record ReportProperties(
    @DefaultValue("08:10") LocalTime runAt,
    @DefaultValue("5") int statementDueWorkingDays,
    @DefaultValue("http://localhost:8080/board/reports/") String pageUrl) {

  public ReportProperties {
    if (statementDueWorkingDays < 1) {
      throw new IllegalArgumentException(
          "jointapproval.report.statement-due-working-days must be at least 1");
    }
  }

  /** The page of one report version. */
  public String linkTo(long reportId) {
    return pageUrl + "?id=" + reportId;
  }
}
