package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The timers of the lifecycle processes as BPMN reads them ({@code lifecycleSchedule}): cycles in
 * Beijing time (explicit +08:00 offset) whatever the server's zone, from the next occurrence on.
 */
@Component("lifecycleSchedule")
@ModelExpressionBean
public class LifecycleSchedule {

  private final LifecycleProperties properties;

  public LifecycleSchedule(LifecycleProperties properties) {
    this.properties = properties;
  }

  /** Every day at {@code alerts-at}: the daily alert run. */
  public String getAlertCycle() {
    return daily(properties.alertsAt());
  }

  /** Every day at {@code monthly-report-at}; the process itself asks whether a month is due. */
  public String getMonthlyCycle() {
    return daily(properties.monthlyReportAt());
  }

  /** Every week on {@code weekly-report-on} at {@code weekly-report-at}. */
  public String getWeeklyCycle() {
    var now = now();
    var next = now.with(TemporalAdjusters.nextOrSame(properties.weeklyReportOn()))
        .with(properties.weeklyReportAt()).withSecond(0).withNano(0);
    if (!next.isAfter(now)) {
      next = next.plusWeeks(1);
    }
    return "R/" + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P7D";
  }

  private static String daily(LocalTime at) {
    var now = now();
    var next = now.with(at).withSecond(0).withNano(0);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return "R/" + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
  }

  private static ZonedDateTime now() {
    return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
  }
}
