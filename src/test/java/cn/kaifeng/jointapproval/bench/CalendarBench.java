package cn.kaifeng.jointapproval.bench;

import cn.kaifeng.jointapproval.calendar.CalendarBenchmark;
import org.junit.jupiter.api.Test;

/**
 * The calendar's calls per second ({@code calendar/CalendarBenchmark}) in the benchmark run; it
 * also runs alone with {@code ./mvnw -q test-compile exec:java -Pbench}.
 */
class CalendarBench {

  @Test
  void calendarCallsPerSecond() {
    CalendarBenchmark.main(new String[0]);
  }
}
