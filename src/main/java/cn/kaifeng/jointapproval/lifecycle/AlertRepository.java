package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.AlertKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** project_alert: findings raised once and cleared, never deleted. */
@Repository
public class AlertRepository {

  private final JdbcClient jdbc;

  public AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ProjectAlert> openOf(String projectCode) {
    return jdbc.sql("""
        select * from project_alert where project_code = :code and cleared_on is null
        order by id""")
        .param("code", projectCode).query(AlertRepository::map).list();
  }

  public List<ProjectAlert> allOpen() {
    return jdbc.sql("select * from project_alert where cleared_on is null order by id")
        .query(AlertRepository::map).list();
  }

  public void insert(String projectCode, AlertKind kind, Node node, LocalDate raisedOn,
      String detail) {
    jdbc.sql("""
        insert into project_alert (project_code, kind, node, raised_on, detail)
        values (:code, :kind, :node, :raisedOn, :detail)""")
        .param("code", projectCode).param("kind", kind.name())
        .param("node", node == null ? null : node.name()).param("raisedOn", raisedOn)
        .param("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
        .update();
  }

  public void clear(long id, LocalDate on) {
    jdbc.sql("update project_alert set cleared_on = :on where id = :id and cleared_on is null")
        .param("on", on).param("id", id).update();
  }

  private static ProjectAlert map(ResultSet rs, int row) throws SQLException {
    return new ProjectAlert(rs.getLong("id"), rs.getString("project_code"),
        AlertKind.valueOf(rs.getString("kind")),
        rs.getString("node") == null ? null : Node.byName(rs.getString("node")).orElse(null),
        rs.getObject("raised_on", LocalDate.class), rs.getObject("cleared_on", LocalDate.class),
        rs.getString("detail"));
  }
}
