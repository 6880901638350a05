package cn.kaifeng.jointapproval.calendar;

import cn.kaifeng.jointapproval.calendar.CalendarService.CalendarYearLoaded;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A year loaded through the API closes the administrators' reminder task for that year
 * (message {@value #MESSAGE} in bpmn/holiday-schedule-update.bpmn).
 */
@Component
public class HolidayScheduleTaskCloser {

  static final String MESSAGE = "HolidayScheduleLoaded";

  private final RuntimeService runtimeService;

  public HolidayScheduleTaskCloser(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  public void on(CalendarYearLoaded event) {
    runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceVariableEquals("year", event.year())
        .correlateAll();
  }
}
