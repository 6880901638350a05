package cn.kaifeng.jointapproval.calendar;

import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar over HTTP (DOMAIN.md §6). */
@RestController
@RequestMapping(path = "/api/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
public class CalendarController {

  private final CalendarService calendar;
  private final HolidayScheduleParser parser;

  public CalendarController(CalendarService calendar, HolidayScheduleParser parser) {
    this.calendar = calendar;
    this.parser = parser;
  }

  @GetMapping("/days/{date}")
  public CalendarService.DayInfo day(@PathVariable String date) {
    return calendar.day(parseDate("date", date));
  }

  /** Either {@code from&add=N} (the N-th working day after from) or {@code from&to} (a count). */
  @GetMapping("/working-days")
  public Object workingDays(@RequestParam String from,
      @RequestParam(required = false) String add, @RequestParam(required = false) String to) {
    LocalDate start = parseDate("from", from);
    if ((add == null) == (to == null)) {
      throw InvalidRequestException.of(add == null ? "add" : "to",
          "须给出 add（第 N 个工作日）或 to（计算区间内工作日数）二者之一");
    }
    if (add != null) {
      int n;
      try {
        n = Integer.parseInt(add.trim());
      } catch (NumberFormatException e) {
        throw InvalidRequestException.of("add", "“" + add + "”不是整数");
      }
      if (n < 0 || n > WorkingDayCalendar.MAX_WORKING_DAYS) {
        throw InvalidRequestException.of("add",
            "N 须在 0 到 " + WorkingDayCalendar.MAX_WORKING_DAYS + " 之间，收到 " + n);
      }
      return calendar.add(start, n);
    }
    LocalDate end = parseDate("to", to);
    if (end.isBefore(start)) {
      throw InvalidRequestException.of("to", "结束日期 " + end + " 早于开始日期 " + start);
    }
    if (end.getYear() - start.getYear() > 20) {
      throw InvalidRequestException.of("to", "区间超过 20 年");
    }
    return calendar.count(start, end);
  }

  @GetMapping("/years")
  public List<Integer> years() {
    return List.copyOf(new TreeSet<>(calendar.calendar().publishedYears()));
  }

  /** Loads or replaces a year's official schedule; camunda-admin only (see SecurityConfig). */
  @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> loadYear(@PathVariable String year, @RequestBody String body,
      Principal principal) {
    int expected;
    try {
      expected = Integer.parseInt(year);
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of("year", "“" + year + "”不是年份");
    }
    var schedule = parser.parse(body, expected);
    calendar.loadYear(schedule, "admin:" + principal.getName());
    var answer = new LinkedHashMap<String, Object>();
    answer.put("year", schedule.year());
    answer.put("days", schedule.days().size());
    answer.put("papers", schedule.papers());
    return answer;
  }

  static LocalDate parseDate(String field, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of(field, "“" + value + "”不是 YYYY-MM-DD 格式的日期");
    }
  }
}
