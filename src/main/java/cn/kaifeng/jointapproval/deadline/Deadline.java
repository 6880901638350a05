package cn.kaifeng.jointapproval.deadline;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored working-day clock: its inputs and the dates computed from them, and the process
 * instance whose tasks and timers follow it ({@code null} until one takes it).
 */
public record Deadline(String id, LocalDate startOn, int limitDays, int pausedDays,
    BigDecimal warnShare, LocalDate dueOn, LocalDate warnOn, boolean provisional,
    LocalDate closedOn, String processInstanceId) {

  public boolean open() {
    return closedOn == null;
  }

  /** The same clock with other dates and pauses; closing and re-timing keep its owner. */
  Deadline with(int pausedDays, LocalDate dueOn, LocalDate warnOn, boolean provisional,
      LocalDate closedOn) {
    return new Deadline(id, startOn, limitDays, pausedDays, warnShare, dueOn, warnOn, provisional,
        closedOn, processInstanceId);
  }
}
