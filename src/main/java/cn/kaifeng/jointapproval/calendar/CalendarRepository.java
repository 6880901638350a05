package cn.kaifeng.jointapproval.calendar;

import java.sql.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The calendar_year and calendar_day tables (db/changelog/project/001-calendar.yaml). */
@Repository
public class CalendarRepository {

  private final JdbcTemplate jdbc;

  public CalendarRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ScheduledDay> allDays() {
    return jdbc.query("select cal_date, name, off_day from calendar_day",
        (rs, i) -> new ScheduledDay(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getBoolean(3)));
  }

  public Set<Integer> publishedYears() {
    return new HashSet<>(jdbc.queryForList("select cal_year from calendar_year", Integer.class));
  }

  /** Changes whenever a year is loaded or replaced: compared to know when a snapshot is stale. */
  public String signature() {
    return jdbc.queryForObject(
        "select count(*) || '/' || coalesce(cast(max(loaded_at) as varchar(40)), '-') || '/' "
            + "|| (select count(*) from calendar_day) from calendar_year",
        String.class);
  }

  /** Replaces one year's schedule with another, in the caller's transaction. */
  public void replaceYear(int year, String papers, String source, List<ScheduledDay> days) {
    jdbc.update("delete from calendar_day where schedule_year = ?", year);
    // A day listed by the neighbouring year's file (a New Year's Eve, say) now belongs to this one.
    jdbc.batchUpdate("delete from calendar_day where cal_date = ?", days, days.size(),
        (ps, day) -> ps.setDate(1, Date.valueOf(day.date())));
    int updated = jdbc.update(
        "update calendar_year set papers = ?, source = ?, loaded_at = current_timestamp "
            + "where cal_year = ?", papers, source, year);
    if (updated == 0) {
      jdbc.update("insert into calendar_year (cal_year, papers, source, loaded_at) "
          + "values (?, ?, ?, current_timestamp)", year, papers, source);
    }
    jdbc.batchUpdate(
        "insert into calendar_day (cal_date, schedule_year, name, off_day) values (?, ?, ?, ?)",
        days, days.size(), (ps, day) -> {
          ps.setDate(1, Date.valueOf(day.date()));
          ps.setInt(2, year);
          ps.setString(3, day.name());
          ps.setBoolean(4, day.offDay());
        });
  }
}
