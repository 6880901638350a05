package cn.kaifeng.jointapproval.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of plans, alerts, monthly reports and the weekly report that the city may change.
 *
 * @param nodeLateWorkingDays a planned node (other than the start and the completion, which alert
 *     the day after their planned date) is late once more than this many working days passed
 *     after its planned date without it being reached
 * @param alertsAt when the daily alert run looks at every plan (Beijing time)
 * @param monthlyReportAt when, on the first working day of a month, the monthly investment reports
 *     for the month before are requested (Beijing time)
 * @param reportDueWorkingDays working days a chief service officer has for a monthly report
 * @param weeklyReportOn the day of the leaders' weekly report
 * @param weeklyReportAt its time (Beijing time)
 */
@ConfigurationProperties("jointapproval.lifecycle")
public record LifecycleProperties(
    @DefaultValue("10") int nodeLateWorkingDays,
    @DefaultValue("07:30") LocalTime alertsAt,
    @DefaultValue("08:00") LocalTime monthlyReportAt,
    @DefaultValue("5") int reportDueWorkingDays,
    @DefaultValue("MONDAY") DayOfWeek weeklyReportOn,
    @DefaultValue("08:30") LocalTime weeklyReportAt) {

  public LifecycleProperties {
    if (nodeLateWorkingDays < 0) {
      throw new IllegalArgumentException(
          "jointapproval.lifecycle.node-late-working-days must not be negative");
    }
    if (reportDueWorkingDays < 1) {
      throw new IllegalArgumentException(
          "jointapproval.lifecycle.report-due-working-days must be at least 1");
    }
  }
}
