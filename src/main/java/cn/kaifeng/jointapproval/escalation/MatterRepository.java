package cn.kaifeng.jointapproval.escalation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The matters table. */
@Repository
public class MatterRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public MatterRepository(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  public void insert(String id, String projectCode, String itemCode, String origin, String reason,
      String coordinationDeadlineId, Instant openedAt) {
    jdbc.update("""
        insert into matter (id, project_code, item_code, origin, reason, stage,
          coordination_deadline_id, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        id, projectCode, itemCode, origin, reason, MatterStage.COORDINATION.name(),
        coordinationDeadlineId, Timestamp.from(openedAt));
  }

  public Matter get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No matter " + id));
  }

  public Optional<Matter> find(String id) {
    return client.sql("select * from matter where id = :id").param("id", id)
        .query(MatterRepository::map).optional();
  }

  /** The matter a coordination process instance handles (its id says which, see {@link Matter}). */
  public Matter ofCoordination(String processInstanceId) {
    return find(Matter.idOf(processInstanceId)).orElseThrow(() -> new ProcessEngineException(
        "流程实例 " + processInstanceId + " 没有登记的协调事项"));
  }

  public List<Matter> ofProject(String projectCode) {
    return jdbc.query("select * from matter where project_code = ? order by opened_at, id",
        MatterRepository::map, projectCode);
  }

  /** Escalated matters not yet on any meeting's agenda, oldest first. */
  public List<Matter> waitingForAgenda() {
    return jdbc.query("select * from matter where stage = ? and meeting_id is null "
        + "order by escalated_at, id", MatterRepository::map, MatterStage.ON_AGENDA.name());
  }

  public List<Matter> onAgendaOf(String meetingId) {
    return jdbc.query("select * from matter where meeting_id = ? order by escalated_at, id",
        MatterRepository::map, meetingId);
  }

  public void coordinated(String id, String note) {
    jdbc.update("update matter set coordination_note = ? where id = ?", note, id);
  }

  public void escalate(String id, Instant at) {
    jdbc.update("update matter set stage = ?, escalated_at = ? where id = ?",
        MatterStage.ON_AGENDA.name(), Timestamp.from(at), id);
  }

  public void putOnAgenda(String id, String meetingId) {
    jdbc.update("update matter set meeting_id = ? where id = ?", meetingId, id);
  }

  public void setMeetingDate(String meetingId, LocalDate on) {
    jdbc.update("update matter set meeting_on = ? where meeting_id = ?", Date.valueOf(on),
        meetingId);
  }

  public void decide(String id, String decision, String responsibleUnit, int deadlineDays) {
    client.sql("""
            update matter set stage = :stage, decision = :decision,
              responsible_unit = :responsibleUnit, deadline_days = :deadlineDays
            where id = :id""")
        .param("stage", MatterStage.DECIDED.name()).param("decision", decision)
        .param("responsibleUnit", responsibleUnit).param("deadlineDays", deadlineDays)
        .param("id", id).update();
  }

  public void setStage(String id, MatterStage stage) {
    jdbc.update("update matter set stage = ? where id = ?", stage.name(), id);
  }

  public void close(String id, String resolution, LocalDate on) {
    jdbc.update("update matter set stage = ?, resolution = ?, closed_on = ? where id = ?",
        MatterStage.CLOSED.name(), resolution, Date.valueOf(on), id);
  }

  private static Matter map(ResultSet rs, int row) throws SQLException {
    Timestamp escalated = rs.getTimestamp("escalated_at");
    Date meetingOn = rs.getDate("meeting_on");
    Date closed = rs.getDate("closed_on");
    return new Matter(rs.getString("id"), rs.getString("project_code"),
        rs.getString("item_code"), rs.getString("origin"), rs.getString("reason"),
        MatterStage.valueOf(rs.getString("stage")), rs.getString("resolution"),
        rs.getString("coordination_deadline_id"), rs.getString("coordination_note"),
        escalated == null ? null : escalated.toInstant(), rs.getString("meeting_id"),
        meetingOn == null ? null : meetingOn.toLocalDate(), rs.getString("decision"),
        rs.getString("responsible_unit"), rs.getObject("deadline_days", Integer.class),
        rs.getTimestamp("opened_at").toInstant(),
        closed == null ? null : closed.toLocalDate());
  }
}
