package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The arithmetic of working-day time limits on the official calendar: due dates, the yellow
 * warning date, paused stretches and days used. Stateless; see {@link DeadlineService} for clocks
 * that are stored and kept up to date.
 */
@Component
public class DeadlineCalculator {

  /** Default share of the time limit after which an item turns yellow (DOMAIN.md §5.7). */

  /** A paused stretch: returned on {@code from}, resubmitted on {@code until}. */
  public record Pause(LocalDate from, LocalDate until) {}

  public record Dates(LocalDate dueOn, LocalDate warnOn, boolean provisional) {}

  private final CalendarService calendarService;

  public DeadlineCalculator(CalendarService calendarService) {
    this.calendarService = calendarService;
  }

  /** The due date of a limit of N working days starting on {@code start} (start day not counted). */
  public LocalDate dueDate(LocalDate start, int limitDays) {
    return calendarService.calendar().add(start, limitDays);
  }

  /**
   * Due and warning dates of a clock. Paused working days push both dates back by as many working
   * days; the warning falls on the working day by which {@code warnShare} of the limit is used.
   */
  public Dates dates(LocalDate start, int limitDays, int pausedDays, double warnShare) {
    if (limitDays < 0 || pausedDays < 0) {
      throw new IllegalArgumentException("limit and paused days must not be negative");
    }
    if (!(warnShare > 0 && warnShare <= 1)) {
      throw new IllegalArgumentException("warn share must be in (0, 1], was " + warnShare);
    }
    WorkingDayCalendar calendar = calendarService.calendar();
    LocalDate due = calendar.add(start, limitDays + pausedDays);
    int warnDays = (int) Math.ceil(warnShare * limitDays - 1e-9);
    LocalDate warn = calendar.add(start, warnDays + pausedDays);
    return new Dates(due, warn, calendar.isProvisional(start, due));
  }

  /** Working days during which a clock stood still: after each pause's start up to resubmission. */
  public int pausedWorkingDays(List<Pause> pauses) {
    WorkingDayCalendar calendar = calendarService.calendar();
    return pauses.stream().mapToInt(p -> calendar.count(p.from(), p.until())).sum();
  }

  /**
   * Working days covered by at least one of the pauses: overlapping pauses of parallel items count
   * once, so that a project stands still on any day one of its items waits for a supplement.
   */
  public int mergedPausedWorkingDays(List<Pause> pauses) {
    var sorted = pauses.stream()
        .sorted(java.util.Comparator.comparing(Pause::from)).toList();
    List<Pause> merged = new java.util.ArrayList<>();
    for (var pause : sorted) {
      if (!merged.isEmpty() && !pause.from().isAfter(merged.get(merged.size() - 1).until())) {
        var last = merged.remove(merged.size() - 1);
        merged.add(new Pause(last.from(),
            pause.until().isAfter(last.until()) ? pause.until() : last.until()));
      } else {
        merged.add(pause);
      }
    }
    return pausedWorkingDays(merged);
  }

  /** Working days used from {@code start} up to and including {@code asOf}, pauses excluded. */
  public int workingDaysUsed(LocalDate start, LocalDate asOf, int pausedDays) {
    return Math.max(0, calendarService.calendar().count(start, asOf) - pausedDays);
  }
}
