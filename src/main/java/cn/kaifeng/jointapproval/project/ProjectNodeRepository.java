package cn.kaifeng.jointapproval.project;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nodes a project reached (table {@code project_node}): each once, oldest first. */
@Repository
public class ProjectNodeRepository {

  /** One reached node: its date, who recorded it and when, and what people read about it. */
  public record Reached(Node node, LocalDate reachedOn, String recordedBy, Instant recordedAt,
      String detail) {}

  private final JdbcClient jdbc;

  public ProjectNodeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the node; a second row of the same node fails on the unique key. */
  public void insert(String projectCode, Node node, LocalDate reachedOn, String recordedBy,
      Instant recordedAt, String detail) {
    jdbc.sql("""
        insert into project_node (project_code, node, reached_on, recorded_by, recorded_at, detail)
        values (:projectCode, :node, :reachedOn, :recordedBy, :recordedAt, :detail)""")
        .param("projectCode", projectCode).param("node", node.name())
        .param("reachedOn", reachedOn).param("recordedBy", recordedBy)
        // The PostgreSQL driver cannot bind an Instant.
        .param("recordedAt", Timestamp.from(recordedAt))
        .param("detail", detail == null || detail.length() <= 2000 ? detail
            : detail.substring(0, 2000))
        .update();
  }

  /** The project's nodes in the order of the life (which is also the order of their dates). */
  public List<Reached> of(String projectCode) {
    return jdbc.sql("""
        select node, reached_on, recorded_by, recorded_at, detail from project_node
        where project_code = :projectCode""")
        .param("projectCode", projectCode)
        .query((rs, row) -> new Reached(Node.valueOf(rs.getString("node")),
            rs.getObject("reached_on", LocalDate.class), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("detail")))
        .list().stream().sorted(java.util.Comparator.comparing(Reached::node)).toList();
  }
}
