package cn.kaifeng.jointapproval.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The matters table. Instants are bound as Timestamp: the PostgreSQL driver cannot bind them. */
@Repository
public class MatterRepository {

  private final JdbcClient jdbc;

  public MatterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String id, String projectCode, String itemCode, String origin, String reason,
      String coordinationDeadlineId, Instant openedAt) {
    jdbc.sql("""
        insert into matter (id, project_code, item_code, origin, reason, stage,
          coordination_deadline_id, opened_at)
        values (:id, :projectCode, :itemCode, :origin, :reason, :stage,
          :coordinationDeadlineId, :openedAt)""")
        .param("id", id).param("projectCode", projectCode).param("itemCode", itemCode)
        .param("origin", origin).param("reason", reason)
        .param("stage", MatterStage.COORDINATION.name())
        .param("coordinationDeadlineId", coordinationDeadlineId)
        .param("openedAt", Timestamp.from(openedAt))
        .update();
  }

  /**
   * A problem brought straight to the meeting: escalated now, waiting for an agenda. Returns false
   * if the problem already has its matter.
   */
  public boolean insertForProblem(String id, String projectCode, String problemId, String reason,
      Instant at) {
    if (find(id).isPresent()) {
      return false;
    }
    jdbc.sql("""
        insert into matter (id, project_code, origin, reason, stage, escalated_at, opened_at,
          problem_id)
        values (:id, :projectCode, 'PROBLEM', :reason, :stage, :at, :at, :problemId)""")
        .param("id", id).param("projectCode", projectCode).param("reason", reason)
        .param("stage", MatterStage.ON_AGENDA.name()).param("at", Timestamp.from(at))
        .param("problemId", problemId).update();
    return true;
  }

  /**
   * A unit brought to the meeting by the monthly ranking: escalated now, waiting for an agenda.
   * Returns false if the matter exists already.
   */
  public boolean insertForUnit(String id, String unit, String reason, Instant at) {
    if (find(id).isPresent()) {
      return false;
    }
    jdbc.sql("""
        insert into matter (id, origin, reason, stage, escalated_at, opened_at, unit)
        values (:id, 'RANKING', :reason, :stage, :at, :at, :unit)""")
        .param("id", id).param("reason", reason)
        .param("stage", MatterStage.ON_AGENDA.name()).param("at", Timestamp.from(at))
        .param("unit", unit).update();
    return true;
  }

  /** A unit's matter decided by the meeting: the decision is its end (no project to supervise). */
  public void decideForUnit(String id, String decision, String responsibleUnit, int deadlineDays,
      LocalDate on) {
    decide(id, decision, responsibleUnit, deadlineDays);
    close(id, "DECIDED", on);
  }

  public Matter get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No matter " + id));
  }

  public Optional<Matter> find(String id) {
    return jdbc.sql("select * from matter where id = :id").param("id", id)
        .query(Matter.class).optional();
  }

  /** The matter a coordination process instance handles (its id says which, see {@link Matter}). */
  public Matter ofCoordination(String processInstanceId) {
    return find(Matter.idOf(processInstanceId)).orElseThrow(() -> new ProcessEngineException(
        "流程实例 " + processInstanceId + " 没有登记的协调事项"));
  }

  public List<Matter> ofProject(String projectCode) {
    return jdbc.sql("select * from matter where project_code = :projectCode "
            + "order by opened_at, id")
        .param("projectCode", projectCode)
        .query(Matter.class).list();
  }

  /** Escalated matters not yet on any meeting's agenda, oldest first. */
  public List<Matter> waitingForAgenda() {
    return jdbc.sql("select * from matter where stage = :stage and meeting_id is null "
            + "order by escalated_at, id")
        .param("stage", MatterStage.ON_AGENDA.name())
        .query(Matter.class).list();
  }

  public List<Matter> onAgendaOf(String meetingId) {
    return jdbc.sql("select * from matter where meeting_id = :meetingId "
            + "order by escalated_at, id")
        .param("meetingId", meetingId)
        .query(Matter.class).list();
  }

  public void coordinated(String id, String note) {
    jdbc.sql("update matter set coordination_note = :note where id = :id")
        .param("note", note).param("id", id)
        .update();
  }

  public void escalate(String id, Instant at) {
    jdbc.sql("update matter set stage = :stage, escalated_at = :at where id = :id")
        .param("stage", MatterStage.ON_AGENDA.name()).param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  public void putOnAgenda(String id, String meetingId) {
    jdbc.sql("update matter set meeting_id = :meetingId where id = :id")
        .param("meetingId", meetingId).param("id", id)
        .update();
  }

  public void setMeetingDate(String meetingId, LocalDate on) {
    jdbc.sql("update matter set meeting_on = :on where meeting_id = :meetingId")
        .param("on", on).param("meetingId", meetingId)
        .update();
  }

  public void decide(String id, String decision, String responsibleUnit, int deadlineDays) {
    jdbc.sql("""
            update matter set stage = :stage, decision = :decision,
              responsible_unit = :responsibleUnit, deadline_days = :deadlineDays
            where id = :id""")
        .param("stage", MatterStage.DECIDED.name()).param("decision", decision)
        .param("responsibleUnit", responsibleUnit).param("deadlineDays", deadlineDays)
        .param("id", id).update();
  }

  public void setStage(String id, MatterStage stage) {
    jdbc.sql("update matter set stage = :stage where id = :id")
        .param("stage", stage.name()).param("id", id)
        .update();
  }

  public void close(String id, String resolution, LocalDate on) {
    jdbc.sql("""
            update matter set stage = :stage, resolution = :resolution, closed_on = :on
            where id = :id""")
        .param("stage", MatterStage.CLOSED.name()).param("resolution", resolution)
        .param("on", on).param("id", id)
        .update();
  }
}
