package cn.kaifeng.jointapproval.project;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The project's history (台账记录): what happened, to which item, by whom, in Chinese. */
@Repository
public class ProjectLedger {

  /** One line of history. {@code event} is a stable code, {@code detail} the text people read. */
  public record Entry(Instant at, String event, String itemCode, String actor, String detail) {}

  private final JdbcClient jdbc;

  public ProjectLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String projectCode, String event, String itemCode, String actor,
      String detail) {
    // The engine clock, so that history agrees with the process when tests move time. Instants
    // are bound as Timestamp: the PostgreSQL driver cannot bind an Instant.
    jdbc.sql("""
        insert into project_event (project_code, occurred_at, event, item_code, actor, detail)
        values (:projectCode, :at, :event, :itemCode, :actor, :detail)""")
        .param("projectCode", projectCode)
        .param("at", Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
        .param("event", event).param("itemCode", itemCode).param("actor", actor)
        .param("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
        .update();
  }

  public List<Entry> of(String projectCode) {
    return jdbc.sql("""
        select occurred_at as at, event, item_code, actor, detail from project_event
        where project_code = :projectCode order by id""")
        .param("projectCode", projectCode)
        .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("event"),
            rs.getString("item_code"), rs.getString("actor"), rs.getString("detail")))
        .list();
  }
}
