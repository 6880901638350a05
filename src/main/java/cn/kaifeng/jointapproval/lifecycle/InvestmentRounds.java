package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/**
 * When the monthly investment reports are requested, for BPMN ({@code investmentRounds}): on the
 * first working day of a month (Beijing, official calendar) for the month before, once; a run
 * missed that day (server down) requests them on the next run of the month.
 */
@Component("investmentRounds")
@ModelExpressionBean
public class InvestmentRounds {

  private final CalendarService calendar;
  private final InvestmentRepository repository;

  public InvestmentRounds(CalendarService calendar, InvestmentRepository repository) {
    this.calendar = calendar;
    this.repository = repository;
  }

  /** True when the month before today's has not been requested and its day has come. */
  public boolean isDue() {
    var today = ChinaTime.today();
    return !today.isBefore(firstWorkingDay(YearMonth.from(today)))
        && !repository.roundOpened(YearMonth.from(today).minusMonths(1));
  }

  /** The first working day of a month. */
  public LocalDate firstWorkingDay(YearMonth month) {
    return calendar.calendar().add(month.atDay(1).minusDays(1), 1);
  }
}
