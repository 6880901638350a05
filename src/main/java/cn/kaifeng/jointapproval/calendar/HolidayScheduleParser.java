package cn.kaifeng.jointapproval.calendar;

import cn.kaifeng.jointapproval.calendar.CalendarService.HolidaySchedule;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads and checks a year's schedule in the shape of holiday-cn's files ({@code year},
 * {@code papers}, {@code days[] {name, date, isOffDay}}). Every problem is reported at once, with
 * where it is, so that an administrator can fix the file in one go.
 */
@Component
public class HolidayScheduleParser {

  /** Raised for a malformed schedule; nothing has been changed. */
  public static class InvalidScheduleException extends RuntimeException
      implements cn.kaifeng.jointapproval.web.ApiError {
    private final List<String> errors;

    public InvalidScheduleException(List<String> errors) {
      super("节假日安排格式错误：" + String.join("；", errors));
      this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
      return errors;
    }

    @Override
    public int status() {
      return 400;
    }

    @Override
    public String title() {
      return "节假日安排格式错误，未作任何更改";
    }

    @Override
    public java.util.Map<String, Object> properties() {
      return java.util.Map.of("errors", errors);
    }
  }

  private final ObjectMapper mapper;

  public HolidayScheduleParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @param expectedYear the year the caller means to load (the URL's, say), or null to take the
   *     file's own
   */
  public HolidaySchedule parse(String json, Integer expectedYear) {
    JsonNode root;
    try {
      root = mapper.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new InvalidScheduleException(
          List.of("不是合法的 JSON（第 " + e.getLocation().getLineNr() + " 行）"));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidScheduleException(List.of("内容必须是一个 JSON 对象"));
    }
    List<String> errors = new ArrayList<>();

    JsonNode yearNode = root.get("year");
    Integer year = null;
    if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()) {
      errors.add("year：缺少年份或不是整数");
    } else if (yearNode.intValue() < 2000 || yearNode.intValue() > 2100) {
      errors.add("year：年份 " + yearNode.intValue() + " 超出 2000–2100");
    } else {
      year = yearNode.intValue();
      if (expectedYear != null && year.intValue() != expectedYear) {
        errors.add("year：文件中的年份 " + year + " 与要加载的年份 " + expectedYear + " 不一致");
      }
    }

    List<String> papers = new ArrayList<>();
    JsonNode papersNode = root.get("papers");
    if (papersNode == null || !papersNode.isArray() || papersNode.isEmpty()) {
      errors.add("papers：须列出至少一份国务院办公厅通知的网址");
    } else {
      for (int i = 0; i < papersNode.size(); i++) {
        JsonNode paper = papersNode.get(i);
        if (!paper.isTextual() || paper.asText().isBlank()) {
          errors.add("papers[" + i + "]：须为非空文本");
        } else {
          papers.add(paper.asText().trim());
        }
      }
    }

    List<ScheduledDay> days = new ArrayList<>();
    JsonNode daysNode = root.get("days");
    if (daysNode == null || !daysNode.isArray() || daysNode.isEmpty()) {
      errors.add("days：须列出至少一天");
    } else {
      var seen = new HashSet<LocalDate>();
      for (int i = 0; i < daysNode.size(); i++) {
        readDay(daysNode.get(i), "days[" + i + "]", year, seen, errors, days);
      }
    }

    if (!errors.isEmpty()) {
      throw new InvalidScheduleException(errors);
    }
    return new HolidaySchedule(year, papers, days);
  }

  private static void readDay(JsonNode node, String where, Integer year, HashSet<LocalDate> seen,
      List<String> errors, List<ScheduledDay> days) {
    if (node == null || !node.isObject()) {
      errors.add(where + "：须为对象 {name, date, isOffDay}");
      return;
    }
    int before = errors.size();
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      errors.add(where + ".name：缺少节日名称");
    } else if (name.asText().length() > 64) {
      errors.add(where + ".name：节日名称超过 64 个字符");
    }
    JsonNode off = node.get("isOffDay");
    if (off == null || !off.isBoolean()) {
      errors.add(where + ".isOffDay：须为 true（放假）或 false（调休上班）");
    }
    LocalDate date = null;
    JsonNode dateNode = node.get("date");
    if (dateNode == null || !dateNode.isTextual()) {
      errors.add(where + ".date：缺少日期");
    } else {
      try {
        date = LocalDate.parse(dateNode.asText());
      } catch (DateTimeParseException e) {
        errors.add(where + ".date：“" + dateNode.asText() + "”不是 YYYY-MM-DD 格式的日期");
      }
    }
    if (date != null) {
      if (year != null && Math.abs(date.getYear() - year) > 1) {
        errors.add(where + ".date：" + date + " 不在 " + year + " 年及其前后相邻年份内");
      }
      if (!seen.add(date)) {
        errors.add(where + ".date：" + date + " 重复出现");
      }
      boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY
          || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (off != null && off.isBoolean() && !off.booleanValue() && !weekend) {
        errors.add(where + "：调休上班日 " + date + " 不是周末");
      }
    }
    if (errors.size() == before) {
      days.add(new ScheduledDay(date, name.asText().trim(), off.booleanValue()));
    }
  }
}
