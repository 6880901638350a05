package cn.kaifeng.jointapproval.project;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The project's history (台账记录): what happened, to which item, by whom, in Chinese. */
@Repository
public class ProjectLedger {

  /** One line of history. {@code event} is a stable code, {@code detail} the text people read. */
  public record Entry(Instant at, String event, String itemCode, String actor, String detail) {}

  private final JdbcTemplate jdbc;

  public ProjectLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String projectCode, String event, String itemCode, String actor,
      String detail) {
    // The engine clock, so that history agrees with the process when tests move time.
    jdbc.update("""
        insert into project_event (project_code, occurred_at, event, item_code, actor, detail)
        values (?, ?, ?, ?, ?, ?)""", projectCode,
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()), event, itemCode, actor,
        detail.length() > 2000 ? detail.substring(0, 2000) : detail);
  }

  public List<Entry> of(String projectCode) {
    return jdbc.query("""
        select occurred_at, event, item_code, actor, detail from project_event
        where project_code = ? order by id""",
        (rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)), projectCode);
  }
}
