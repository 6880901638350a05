package cn.kaifeng.jointapproval.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ShippedSchedules;
import cn.kaifeng.jointapproval.calendar.WorkingDayCalendar;
import cn.kaifeng.jointapproval.deadline.DeadlineCalculator.Pause;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {

  private static final WorkingDayCalendar SHIPPED = ShippedSchedules.calendar();

  private final DeadlineCalculator calculator = new DeadlineCalculator(
      new CalendarService(null, null) {
        @Override
        public WorkingDayCalendar calendar() {
          return SHIPPED;
        }
      });

  @ParameterizedTest(name = "{0} + {1}: due {2}, yellow {3}")
  @CsvSource({
      // The three tracks from the same delisting date; yellow at 75 % (60, 38, 23 days).
      "2025-01-20, 80, 2025-05-21, 2025-04-21",
      "2025-01-20, 50, 2025-04-07, 2025-03-19",
      "2025-01-20, 30, 2025-03-07, 2025-02-26",
  })
  void dueAndWarningDates(LocalDate start, int limit, LocalDate due, LocalDate warn) {
    var dates = calculator.dates(start, limit, 0, 0.75);
    assertThat(dates.dueOn()).isEqualTo(due);
    assertThat(dates.warnOn()).isEqualTo(warn);
    assertThat(dates.provisional()).isFalse();
    assertThat(calculator.dueDate(start, limit)).isEqualTo(due);
    assertThat(SHIPPED.count(start, warn)).isEqualTo((int) Math.ceil(0.75 * limit));
  }

  @Test
  void pausedWorkingDaysDoNotCount() {
    // Returned on Friday 2025-01-24, resubmitted on Friday 2025-02-07: the working days in
    // between are the make-up Sunday 01-26, 01-27, 02-05, 02-06 and 02-07.
    int paused = calculator.pausedWorkingDays(
        List.of(new Pause(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 7))));
    assertThat(paused).isEqualTo(5);
    // Returned and resubmitted on the same day pauses nothing.
    assertThat(calculator.pausedWorkingDays(
        List.of(new Pause(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3))))).isZero();

    var start = LocalDate.of(2025, 1, 20);
    var plain = calculator.dates(start, 30, 0, 0.75);
    var paused5 = calculator.dates(start, 30, paused, 0.75);
    assertThat(SHIPPED.count(plain.dueOn(), paused5.dueOn())).isEqualTo(5);
    assertThat(SHIPPED.count(plain.warnOn(), paused5.warnOn())).isEqualTo(5);

    var asOf = LocalDate.of(2025, 2, 10);
    assertThat(calculator.workingDaysUsed(start, asOf, paused))
        .isEqualTo(SHIPPED.count(start, asOf) - 5);
    assertThat(calculator.workingDaysUsed(start, start.plusDays(1), 10)).isZero();
  }

  @Test
  void aDueDateInAnUnpublishedYearIsProvisional() {
    assertThat(calculator.dates(LocalDate.of(2026, 11, 20), 80, 0, 0.75).provisional()).isTrue();
  }

  @Test
  void refusesNonsense() {
    var start = LocalDate.of(2025, 1, 20);
    assertThatThrownBy(() -> calculator.dates(start, -1, 0, 0.75))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.dates(start, 10, 0, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
