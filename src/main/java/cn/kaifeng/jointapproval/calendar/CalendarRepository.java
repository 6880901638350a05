package cn.kaifeng.jointapproval.calendar;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar_year and calendar_day tables (db/changelog/project/001-calendar.yaml). */
@Repository
public class CalendarRepository {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  public CalendarRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  public List<ScheduledDay> allDays() {
    return jdbc.sql("select cal_date as \"date\", name, off_day from calendar_day")
        .query(ScheduledDay.class).list();
  }

  public Set<Integer> publishedYears() {
    return jdbc.sql("select cal_year from calendar_year").query(Integer.class).set();
  }

  /** Changes whenever a year is loaded or replaced: compared to know when a snapshot is stale. */
  public String signature() {
    return jdbc.sql(
            "select count(*) || '/' || coalesce(cast(max(loaded_at) as varchar(40)), '-') || '/' "
                + "|| (select count(*) from calendar_day) from calendar_year")
        .query(String.class).single();
  }

  /** Replaces one year's schedule with another, in the caller's transaction. */
  public void replaceYear(int year, String papers, String source, List<ScheduledDay> days) {
    jdbc.sql("delete from calendar_day where schedule_year = :year").param("year", year).update();
    // JdbcClient has no batch API: a year's days go in one JDBC batch each way, not row by row.
    SqlParameterSource[] rows = days.stream()
        .map(day -> new MapSqlParameterSource("date", day.date()).addValue("year", year)
            .addValue("name", day.name()).addValue("offDay", day.offDay()))
        .toArray(SqlParameterSource[]::new);
    // A day listed by the neighbouring year's file (a New Year's Eve, say) now belongs to this one.
    batches.batchUpdate("delete from calendar_day where cal_date = :date", rows);
    int updated = jdbc.sql("""
            update calendar_year set papers = :papers, source = :source,
              loaded_at = current_timestamp
            where cal_year = :year""")
        .param("papers", papers).param("source", source).param("year", year)
        .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into calendar_year (cal_year, papers, source, loaded_at)
              values (:year, :papers, :source, current_timestamp)""")
          .param("year", year).param("papers", papers).param("source", source)
          .update();
    }
    batches.batchUpdate("""
        insert into calendar_day (cal_date, schedule_year, name, off_day)
        values (:date, :year, :name, :offDay)""", rows);
  }
}
