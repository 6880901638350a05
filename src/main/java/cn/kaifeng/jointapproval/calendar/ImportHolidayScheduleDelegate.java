package cn.kaifeng.jointapproval.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Loads the schedule an administrator pasted into the task form ({@code scheduleJson}). A
 * malformed schedule fails the completion with the parser's message, so the task stays open in
 * Tasklist and the calendar is unchanged.
 */
@Component("importHolidayScheduleDelegate")
public class ImportHolidayScheduleDelegate implements JavaDelegate {

  private final HolidayScheduleParser parser;
  private final CalendarService calendar;

  public ImportHolidayScheduleDelegate(HolidayScheduleParser parser, CalendarService calendar) {
    this.parser = parser;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer year = (Integer) execution.getVariable("year");
    var schedule = parser.parse((String) execution.getVariable("scheduleJson"), year);
    calendar.loadYear(schedule, "tasklist:" + execution.getProcessInstanceId());
  }
}
