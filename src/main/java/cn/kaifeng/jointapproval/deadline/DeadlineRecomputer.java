package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.calendar.CalendarService.CalendarYearLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a year's schedule is loaded, recomputes the open clocks it may move, in the same
 * transaction as the load: either the new calendar and every moved date land together, or nothing.
 */
@Component
public class DeadlineRecomputer {

  private static final Logger log = LoggerFactory.getLogger(DeadlineRecomputer.class);

  private final DeadlineService deadlines;

  public DeadlineRecomputer(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @EventListener
  public void on(CalendarYearLoaded event) {
    var moved = deadlines.recomputeForYear(event.year());
    log.info("Calendar year {} loaded: {} open deadlines moved", event.year(), moved.size());
  }
}
