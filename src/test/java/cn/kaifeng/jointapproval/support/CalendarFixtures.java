package cn.kaifeng.jointapproval.support;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A made-up 2027 schedule (test fixture, not an official notice) and the way back to the shipped
 * calendar after a test loaded it.
 */
public final class CalendarFixtures {

  public static final int FIXTURE_YEAR = 2027;

  private CalendarFixtures() {}

  public static String schedule2027() {
    try {
      return new ClassPathResource("calendar/2027-fixture.json")
          .getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void unload2027(JdbcTemplate jdbc, CalendarService calendar) {
    jdbc.update("delete from calendar_day where schedule_year = ?", FIXTURE_YEAR);
    jdbc.update("delete from calendar_year where cal_year = ?", FIXTURE_YEAR);
    // Rows deleted behind the service's back: re-read them now rather than after its 30 s check.
    org.springframework.test.util.ReflectionTestUtils.invokeMethod(calendar, "reload");
  }
}
