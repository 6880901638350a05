package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.deadline.Deadline;
import java.time.LocalDate;

/** Traffic light of a clock (DOMAIN.md §5.7): yellow once the warning share is used, red overdue. */
public enum Light {
  GREEN, YELLOW, RED;

  /** The light a clock shows on {@code today}. */
  public static Light of(Deadline deadline, LocalDate today) {
    if (today.isAfter(deadline.dueOn())) {
      return RED;
    }
    return today.isBefore(deadline.warnOn()) ? GREEN : YELLOW;
  }

  public Light atLeast(Light other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
