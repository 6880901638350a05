package cn.kaifeng.jointapproval.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = ShippedSchedules.calendar();

  /** The definition, walked day by day: the oracle the fast arithmetic must agree with. */
  private boolean naiveWorkingDay(LocalDate date) {
    var scheduled = calendar.scheduled(date);
    if (scheduled != null) {
      return !scheduled.offDay();
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private LocalDate naiveAdd(LocalDate from, int n) {
    LocalDate d = from;
    while (n > 0) {
      d = d.plusDays(1);
      if (naiveWorkingDay(d)) {
        n--;
      }
    }
    return d;
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      // DOMAIN.md §2: counts 2025-01-26 (Sunday make-up) and 2025-02-08 (Saturday make-up),
      // skips 2025-01-28…2025-02-04.
      "2025-01-20, 80, 2025-05-21",
      "2025-01-20, 50, 2025-04-07",
      "2025-01-20, 30, 2025-03-07",
      // N = 0 is the start day itself; N = 1 the next working day.
      "2025-12-31, 0, 2025-12-31",
      "2024-12-31, 1, 2025-01-02",
      // Year boundaries: New Year's Day off, 2026-01-04 a Sunday make-up day.
      "2025-12-31, 1, 2026-01-04",
      "2023-12-29, 1, 2024-01-02",
      // Starting on a holiday.
      "2025-01-27, 1, 2025-02-05",
      "2025-05-01, 1, 2025-05-06",
      "2020-01-23, 1, 2020-02-03",
      // Starting on a make-up Saturday, and on the Saturday before a make-up Sunday.
      "2025-02-08, 1, 2025-02-10",
      "2025-01-25, 1, 2025-01-26",
      // A Friday before a make-up Sunday: the Sunday is the next working day.
      "2025-01-24, 1, 2025-01-26",
      "2025-09-26, 1, 2025-09-28",
      "2026-02-13, 1, 2026-02-14",
      "2026-02-13, 2, 2026-02-24",
      "2025-02-07, 1, 2025-02-08",
      // Golden Week and Spring Festival stretches.
      "2025-09-30, 1, 2025-10-09",
      "2026-09-30, 5, 2026-10-13",
      "2024-02-09, 1, 2024-02-18",
      "2024-04-30, 3, 2024-05-08",
      // The largest N allowed, ending in a year with no published schedule (weekends only).
      "2019-01-01, 2000, 2027-01-08",
  })
  void addsWorkingDays(LocalDate from, int n, LocalDate expected) {
    assertThat(calendar.add(from, n)).isEqualTo(expected);
    assertThat(calendar.count(from, expected)).isEqualTo(n);
  }

  @Test
  void everyPublishedDayOfEveryYearIsClassifiedAsTheScheduleSays() {
    for (int year : ShippedSchedules.YEARS) {
      var days = ShippedSchedules.daysOf(year);
      assertThat(days).as("schedule %d", year).isNotEmpty();
      for (var day : days) {
        assertThat(calendar.isWorkingDay(day.date()))
            .as("%s %s (%s)", day.date(), day.name(), day.offDay() ? "off" : "make-up")
            .isEqualTo(!day.offDay());
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"2019, 250", "2020, 249", "2021, 250", "2022, 249", "2023, 249", "2024, 251",
      "2025, 248", "2026, 248"})
  void yearsHaveTheirOfficialNumberOfWorkingDays(int year, int expected) {
    int counted = calendar.count(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    int walked = 0;
    for (var d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      walked += naiveWorkingDay(d) ? 1 : 0;
    }
    assertThat(counted).isEqualTo(walked).isEqualTo(expected);
  }

  @Test
  void makeUpDaysAndHolidaysOfTwoYearsOneByOne() {
    // 2025 and 2026, every make-up day and a sample of holidays, as published.
    for (String date : new String[] {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
        "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
        "2026-10-10"}) {
      var day = LocalDate.parse(date);
      assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(calendar.isWorkingDay(day)).as(date).isTrue();
      assertThat(calendar.scheduled(day).offDay()).isFalse();
    }
    for (String date : new String[] {"2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04",
        "2025-05-05", "2025-06-02", "2025-10-01", "2025-10-08", "2026-01-01", "2026-02-16",
        "2026-02-23", "2026-04-06", "2026-06-19", "2026-10-07"}) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(date))).as(date).isFalse();
    }
  }

  @Test
  void countIsTheInverseOfAddAndAgreesWithTheDayByDayWalk() {
    var random = new Random(20261122L);
    for (int i = 0; i < 5_000; i++) {
      var from = LocalDate.of(2018, 12, 1).plusDays(random.nextInt(365 * 9));
      int n = random.nextInt(WorkingDayCalendar.MAX_WORKING_DAYS + 1);
      var to = calendar.add(from, n);
      assertThat(calendar.count(from, to)).as("count(%s, add(%s, %d))", from, from, n)
          .isEqualTo(n);
      if (n > 0) {
        assertThat(calendar.isWorkingDay(to)).isTrue();
        assertThat(calendar.count(from, to.minusDays(1))).isEqualTo(n - 1);
      }
      if (i % 10 == 0) {
        assertThat(to).isEqualTo(naiveAdd(from, n));
      }
    }
  }

  @Test
  void countIsZeroForAnEmptyOrReversedRange() {
    var day = LocalDate.of(2025, 3, 3);
    assertThat(calendar.count(day, day)).isZero();
    assertThat(calendar.count(day, day.minusDays(10))).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 2001, Integer.MAX_VALUE})
  void refusesAbsurdN(int n) {
    assertThatThrownBy(() -> calendar.add(LocalDate.of(2025, 1, 1), n))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void yearsWithoutAScheduleAreProvisionalAndCountWeekendsOnly() {
    assertThat(calendar.isProvisional(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)))
        .isFalse();
    assertThat(calendar.isProvisional(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 4)))
        .isTrue();
    // 2027-01-01 is a Friday: without a schedule it is an ordinary working day.
    assertThat(calendar.add(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(calendar.add(LocalDate.of(2027, 1, 1), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
  }
}
