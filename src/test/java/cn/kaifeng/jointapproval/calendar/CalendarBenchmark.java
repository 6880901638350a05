package cn.kaifeng.jointapproval.calendar;

import java.time.LocalDate;
import java.util.Random;

/**
 * Prints calls per second of the calendar's two hot operations on the shipped schedules, N drawn
 * up to 2000. A benchmark, not a test: run it with
 * {@code ./mvnw -q test-compile exec:java -Pbench}.
 */
public final class CalendarBenchmark {

  private CalendarBenchmark() {}

  public static void main(String[] args) {
    var calendar = ShippedSchedules.calendar();
    var random = new Random(42);
    int size = 1 << 16;
    var starts = new LocalDate[size];
    var ns = new int[size];
    for (int i = 0; i < size; i++) {
      starts[i] = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 8));
      ns[i] = random.nextInt(WorkingDayCalendar.MAX_WORKING_DAYS + 1);
    }
    var ends = new LocalDate[size];
    for (int i = 0; i < size; i++) {
      ends[i] = calendar.add(starts[i], ns[i]);
    }
    for (int round = 1; round <= 3; round++) {
      long sink = 0;
      long t0 = System.nanoTime();
      int calls = 0;
      while (System.nanoTime() - t0 < 1_000_000_000L) {
        int i = calls++ & (size - 1);
        sink += calendar.add(starts[i], ns[i]).toEpochDay();
      }
      double addPerSecond = calls / ((System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      int counts = 0;
      while (System.nanoTime() - t0 < 1_000_000_000L) {
        int i = counts++ & (size - 1);
        sink += calendar.count(starts[i], ends[i]);
      }
      double countPerSecond = counts / ((System.nanoTime() - t0) / 1e9);
      System.out.printf("round %d: add(from, N<=2000) %,.0f calls/s (%.2f us/call); "
              + "count(from, to) %,.0f calls/s (%.3f us/call) [checksum %d]%n", round,
          addPerSecond, 1e6 / addPerSecond, countPerSecond, 1e6 / countPerSecond, sink);
    }
  }
}
