package cn.kaifeng.jointapproval.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code year} (next year, Beijing time) and whether its schedule is already loaded. */
@Component("determineNextCalendarYearDelegate")
public class DetermineNextCalendarYearDelegate implements JavaDelegate {

  private final CalendarService calendar;

  public DetermineNextCalendarYearDelegate(CalendarService calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = ChinaTime.today().getYear() + 1;
    execution.setVariable("year", year);
    execution.setVariable("yearLoaded", calendar.calendar().isPublished(year));
  }
}
