package cn.kaifeng.jointapproval.supervision;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The supervision_case table. */
@Repository
public class SupervisionCaseRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public SupervisionCaseRepository(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  public void insert(String id, String matterId, String projectCode, String itemCode,
      String decision, String responsibleUnit, String deadlineId, Instant openedAt) {
    jdbc.update("""
        insert into supervision_case (id, matter_id, project_code, item_code, decision,
          responsible_unit, deadline_id, status, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, matterId, projectCode, itemCode, decision, responsibleUnit, deadlineId,
        CaseStatus.IN_PROGRESS.name(), Timestamp.from(openedAt));
  }

  public SupervisionCase get(String id) {
    return jdbc.query("select * from supervision_case where id = ?",
        SupervisionCaseRepository::map, id).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No supervision case " + id));
  }

  /** The case a supervision process instance follows (its id says which). */
  public SupervisionCase ofProcessInstance(String processInstanceId) {
    return client.sql("select * from supervision_case where id = :id")
        .param("id", SupervisionCase.idOf(processInstanceId))
        .query(SupervisionCaseRepository::map).optional()
        .orElseThrow(() -> new ProcessEngineException(
            "流程实例 " + processInstanceId + " 没有登记的督办件"));
  }

  public Optional<SupervisionCase> ofMatter(String matterId) {
    return jdbc.query("select * from supervision_case where matter_id = ? order by opened_at desc",
        SupervisionCaseRepository::map, matterId).stream().findFirst();
  }

  public List<SupervisionCase> ofProject(String projectCode) {
    return jdbc.query("select * from supervision_case where project_code = ?",
        SupervisionCaseRepository::map, projectCode);
  }

  /** Cases filtered by status and responsible unit (either may be null), newest first. */
  public List<SupervisionCase> find(CaseStatus status, String unit) {
    var sql = new StringBuilder("select * from supervision_case where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status.name());
    }
    if (unit != null) {
      sql.append(" and responsible_unit = ?");
      args.add(unit);
    }
    sql.append(" order by opened_at desc, id");
    return jdbc.query(sql.toString(), SupervisionCaseRepository::map, args.toArray());
  }

  public void report(String id, String report) {
    jdbc.update("update supervision_case set status = ?, report = ? where id = ?",
        CaseStatus.REPORTED.name(), report, id);
  }

  public void sendBack(String id, String note) {
    jdbc.update("update supervision_case set status = ?, verification_note = ? where id = ?",
        CaseStatus.IN_PROGRESS.name(), note, id);
  }

  public void accept(String id, String note, LocalDate on) {
    jdbc.update("""
        update supervision_case set status = ?, verification_note = ?, closed_on = ?
        where id = ?""", CaseStatus.ACCEPTED.name(), note, Date.valueOf(on), id);
  }

  public void markOverdue(String id) {
    jdbc.update("update supervision_case set overdue = ? where id = ?", true, id);
  }

  public void accountability(String id, String state, String proposal) {
    jdbc.update("update supervision_case set accountability = ?, accountability_proposal = ? "
        + "where id = ?", state, proposal, id);
  }

  private static SupervisionCase map(ResultSet rs, int row) throws SQLException {
    Date closed = rs.getDate("closed_on");
    return new SupervisionCase(rs.getString("id"), rs.getString("matter_id"),
        rs.getString("project_code"), rs.getString("item_code"), rs.getString("decision"),
        rs.getString("responsible_unit"), rs.getString("deadline_id"),
        CaseStatus.valueOf(rs.getString("status")), rs.getString("report"),
        rs.getString("verification_note"), rs.getBoolean("overdue"),
        rs.getString("accountability"), rs.getString("accountability_proposal"),
        rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toLocalDate());
  }
}
