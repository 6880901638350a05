package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the monthly report is due, for BPMN ({@code monthlyReports}): on the first working day of
 * a month (Beijing time, the official calendar with its make-up days) for the month before, once;
 * a morning missed (server down) is caught up by the next run of the month. The timer itself runs
 * every morning, as the investment round's does, because a working day is no ISO cycle.
 */
@Component("monthlyReports")
@ModelExpressionBean
public class MonthlyReports {

  private final CalendarService calendar;
  private final ReportRepository reports;
  private final ReportProperties properties;

  public MonthlyReports(CalendarService calendar, ReportRepository reports,
      ReportProperties properties) {
    this.calendar = calendar;
    this.reports = reports;
    this.properties = properties;
  }

  /** True when the month before today's has no report yet and its day has come. */
  public boolean isDue() {
    var today = ChinaTime.today();
    return !today.isBefore(firstWorkingDay(YearMonth.from(today)))
        && !reports.exists(YearMonth.from(today).minusMonths(1).toString());
  }

  public LocalDate firstWorkingDay(YearMonth month) {
    return calendar.calendar().add(month.atDay(1).minusDays(1), 1);
  }

  /** Every day at {@code run-at}, Beijing time (explicit +08:00), from the next occurrence on. */
  public String getCycle() {
    var now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
    var next = now.with(properties.runAt()).withSecond(0).withNano(0);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return "R/" + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
  }
}
