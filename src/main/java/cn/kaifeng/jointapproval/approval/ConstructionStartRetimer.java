package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.CalendarService.CalendarYearLoaded;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a year's schedule is loaded, re-times every waiting 应开未开 timer ({@code startOverdue} on
 * 等待开工). Its date is N working days after readiness ({@link ConstructionStart#expectedBy}), not
 * a stored clock, so the clocks' recomputation ({@code DeadlineRecomputer}) only moves it by
 * chance, when the project's own clock happens to move too. Runs in the loading transaction: the
 * new calendar and the moved timers land together, or nothing does.
 */
@Component
public class ConstructionStartRetimer {

  static final String TIMER = "startOverdue";

  private static final Logger log = LoggerFactory.getLogger(ConstructionStartRetimer.class);

  private final ManagementService managementService;

  public ConstructionStartRetimer(ManagementService managementService) {
    this.managementService = managementService;
  }

  @EventListener
  public void on(CalendarYearLoaded event) {
    var timers = managementService.createJobQuery().processDefinitionKey("joint-approval")
        .activityId(TIMER).timers().list();
    for (var job : timers) {
      // The expression reads the ledger's readiness date and the calendar just loaded.
      managementService.recalculateJobDuedate(job.getId(), false);
    }
    log.info("Calendar year {} loaded: {} waiting startOverdue timers re-timed", event.year(),
        timers.size());
  }
}
