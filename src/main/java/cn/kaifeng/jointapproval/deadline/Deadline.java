package cn.kaifeng.jointapproval.deadline;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored working-day clock: its inputs and the dates computed from them. */
public record Deadline(String id, LocalDate startOn, int limitDays, int pausedDays,
    BigDecimal warnShare, LocalDate dueOn, LocalDate warnOn, boolean provisional,
    LocalDate closedOn) {

  public boolean open() {
    return closedOn == null;
  }
}
