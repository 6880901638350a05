package cn.kaifeng.jointapproval.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable snapshot of the official calendar: weekends off, the published schedules' holidays
 * off and make-up days on. Counting is arithmetic (weekday formula plus binary searches over the
 * exceptions) and adding is a binary search over the count, so N up to 2000 costs a few dozen
 * array look-ups, never a walk through the days.
 *
 * <p>Periods follow the rule for administrative time limits: the start day is not counted.
 */
public final class WorkingDayCalendar {

  /** Above this N a request is refused: 2000 working days are about eight years. */
  public static final int MAX_WORKING_DAYS = 2000;

  private final Map<LocalDate, ScheduledDay> days;
  private final Set<Integer> publishedYears;
  /** Epoch days of holidays that fall on Monday–Friday, sorted. */
  private final long[] weekdayHolidays;
  /** Epoch days of make-up working days that fall on a weekend, sorted. */
  private final long[] weekendWorkdays;

  public WorkingDayCalendar(Collection<ScheduledDay> scheduledDays, Set<Integer> publishedYears) {
    this.days = new HashMap<>();
    this.publishedYears = Set.copyOf(publishedYears);
    var holidays = new TreeSet<Long>();
    var makeUps = new TreeSet<Long>();
    for (var day : scheduledDays) {
      days.put(day.date(), day);
      boolean weekend = isWeekend(day.date());
      if (day.offDay() && !weekend) {
        holidays.add(day.date().toEpochDay());
      } else if (!day.offDay() && weekend) {
        makeUps.add(day.date().toEpochDay());
      }
    }
    this.weekdayHolidays = holidays.stream().mapToLong(Long::longValue).toArray();
    this.weekendWorkdays = makeUps.stream().mapToLong(Long::longValue).toArray();
  }

  public boolean isWorkingDay(LocalDate date) {
    var scheduled = days.get(date);
    return scheduled != null ? !scheduled.offDay() : !isWeekend(date);
  }

  /** The schedule entry of a date (holiday or make-up day), or null for an ordinary day. */
  public ScheduledDay scheduled(LocalDate date) {
    return days.get(date);
  }

  public boolean isPublished(int year) {
    return publishedYears.contains(year);
  }

  public Set<Integer> publishedYears() {
    return publishedYears;
  }

  /** True when some year from {@code from} to {@code to} has no published schedule. */
  public boolean isProvisional(LocalDate from, LocalDate to) {
    LocalDate first = from.isBefore(to) ? from : to;
    LocalDate last = from.isBefore(to) ? to : from;
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      if (!publishedYears.contains(year)) {
        return true;
      }
    }
    return false;
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when to is not after from. */
  public int count(LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    long a = from.toEpochDay();
    long b = to.toEpochDay();
    long weekdays = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
    long holidays = countIn(weekdayHolidays, a, b);
    long makeUps = countIn(weekendWorkdays, a, b);
    return Math.toIntExact(weekdays - holidays + makeUps);
  }

  /** The N-th working day after {@code from}; {@code from} itself for N = 0. */
  public LocalDate add(LocalDate from, int n) {
    if (n < 0 || n > MAX_WORKING_DAYS) {
      throw new IllegalArgumentException(
          "N must be between 0 and " + MAX_WORKING_DAYS + ", was " + n);
    }
    if (n == 0) {
      return from;
    }
    long lo = from.toEpochDay();
    long hi = lo + 2L * n + 30;
    while (count(from, LocalDate.ofEpochDay(hi)) < n) {
      hi += n + 30L;
    }
    // Smallest day d in (lo, hi] with count(from, d) >= n; that day is a working day.
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (count(from, LocalDate.ofEpochDay(mid)) >= n) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return LocalDate.ofEpochDay(hi);
  }

  private static boolean isWeekend(LocalDate date) {
    var dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  /** Monday–Friday days among epoch days strictly before {@code epochDay}, from a Monday origin. */
  private static long weekdaysBefore(long epochDay) {
    long fromMonday = epochDay + 3; // 1970-01-01 was a Thursday; day 0 of this count is a Monday
    long weeks = Math.floorDiv(fromMonday, 7);
    long rest = Math.floorMod(fromMonday, 7);
    return weeks * 5 + Math.min(rest, 5);
  }

  /** How many values of a sorted array lie in (a, b]. */
  private static long countIn(long[] sorted, long a, long b) {
    return upperBound(sorted, b) - upperBound(sorted, a);
  }

  private static int upperBound(long[] sorted, long value) {
    int i = Arrays.binarySearch(sorted, value);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
