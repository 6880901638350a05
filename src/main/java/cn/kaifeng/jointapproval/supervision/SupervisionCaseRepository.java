package cn.kaifeng.jointapproval.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The supervision_case table. */
@Repository
public class SupervisionCaseRepository {

  private final JdbcClient jdbc;

  public SupervisionCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code matterId} and {@code itemCode} are null for a {@link CaseOrigin#PROJECT_OVERRUN} case. */
  public void insert(String id, CaseOrigin origin, String matterId, String projectCode,
      String itemCode, String decision, String responsibleUnit, String deadlineId,
      Instant openedAt) {
    jdbc.sql("""
        insert into supervision_case (id, origin, matter_id, project_code, item_code, decision,
          responsible_unit, deadline_id, status, opened_at)
        values (:id, :origin, :matterId, :projectCode, :itemCode, :decision,
          :responsibleUnit, :deadlineId, :status, :openedAt)""")
        .param("id", id).param("origin", origin.name()).param("matterId", matterId)
        .param("projectCode", projectCode)
        .param("itemCode", itemCode).param("decision", decision)
        .param("responsibleUnit", responsibleUnit).param("deadlineId", deadlineId)
        .param("status", CaseStatus.IN_PROGRESS.name())
        // The PostgreSQL driver cannot bind an Instant.
        .param("openedAt", Timestamp.from(openedAt))
        .update();
  }

  public SupervisionCase get(String id) {
    return byId(id).orElseThrow(() -> new IllegalStateException("No supervision case " + id));
  }

  /** The case a supervision process instance follows (its id says which). */
  public SupervisionCase ofProcessInstance(String processInstanceId) {
    return byId(SupervisionCase.idOf(processInstanceId))
        .orElseThrow(() -> new ProcessEngineException(
            "流程实例 " + processInstanceId + " 没有登记的督办件"));
  }

  private Optional<SupervisionCase> byId(String id) {
    return jdbc.sql("select * from supervision_case where id = :id").param("id", id)
        .query(SupervisionCase.class).optional();
  }

  public Optional<SupervisionCase> ofMatter(String matterId) {
    return jdbc.sql("select * from supervision_case where matter_id = :matterId "
            + "order by opened_at desc")
        .param("matterId", matterId)
        .query(SupervisionCase.class).list().stream().findFirst();
  }

  /** The project's cases, oldest first. */
  public List<SupervisionCase> ofProject(String projectCode) {
    return jdbc.sql("select * from supervision_case where project_code = :projectCode "
            + "order by opened_at, id")
        .param("projectCode", projectCode)
        .query(SupervisionCase.class).list();
  }

  /** Whether the project already has a case of {@code origin} for {@code unit}. */
  public boolean exists(String projectCode, CaseOrigin origin, String unit) {
    return jdbc.sql("""
            select count(*) from supervision_case
            where project_code = :projectCode and origin = :origin and responsible_unit = :unit""")
        .param("projectCode", projectCode).param("origin", origin.name()).param("unit", unit)
        .query(Integer.class).single() > 0;
  }

  /** Cases filtered by status and responsible unit (either may be null), newest first. */
  public List<SupervisionCase> find(CaseStatus status, String unit) {
    var sql = new StringBuilder("select * from supervision_case where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (status != null) {
      sql.append(" and status = :status");
      params.put("status", status.name());
    }
    if (unit != null) {
      sql.append(" and responsible_unit = :unit");
      params.put("unit", unit);
    }
    sql.append(" order by opened_at desc, id");
    return jdbc.sql(sql.toString()).params(params).query(SupervisionCase.class).list();
  }

  public void report(String id, String report) {
    jdbc.sql("update supervision_case set status = :status, report = :report where id = :id")
        .param("status", CaseStatus.REPORTED.name()).param("report", report).param("id", id)
        .update();
  }

  public void sendBack(String id, String note) {
    jdbc.sql("""
            update supervision_case set status = :status, verification_note = :note
            where id = :id""")
        .param("status", CaseStatus.IN_PROGRESS.name()).param("note", note).param("id", id)
        .update();
  }

  public void accept(String id, String note, LocalDate on) {
    jdbc.sql("""
            update supervision_case set status = :status, verification_note = :note,
              closed_on = :on
            where id = :id""")
        .param("status", CaseStatus.ACCEPTED.name()).param("note", note).param("on", on)
        .param("id", id)
        .update();
  }

  public void markOverdue(String id) {
    jdbc.sql("update supervision_case set overdue = :overdue where id = :id")
        .param("overdue", true).param("id", id)
        .update();
  }

  public void accountability(String id, String state, String proposal) {
    jdbc.sql("""
            update supervision_case set accountability = :state,
              accountability_proposal = :proposal
            where id = :id""")
        .param("state", state).param("proposal", proposal).param("id", id)
        .update();
  }
}
