package cn.kaifeng.jointapproval.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The schedules the project ships (the Liquibase CSVs), read directly for unit tests. */
public final class ShippedSchedules {

  public static final Set<Integer> YEARS =
      IntStream.rangeClosed(2019, 2026).boxed().collect(Collectors.toSet());

  private ShippedSchedules() {}

  public static List<ScheduledDay> days() {
    List<ScheduledDay> days = new ArrayList<>();
    for (int year : YEARS) {
      days.addAll(daysOf(year));
    }
    return days;
  }

  public static List<ScheduledDay> daysOf(int year) {
    String path = "/db/changelog/project/calendar/days-" + year + ".csv";
    try (var in = ShippedSchedules.class.getResourceAsStream(path);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().skip(1).map(line -> line.split(","))
          .map(c -> new ScheduledDay(LocalDate.parse(c[0]), c[2], Boolean.parseBoolean(c[3])))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WorkingDayCalendar calendar() {
    return new WorkingDayCalendar(days(), YEARS);
  }
}
