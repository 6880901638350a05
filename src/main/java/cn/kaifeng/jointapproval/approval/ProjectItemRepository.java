package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import cn.kaifeng.jointapproval.project.Light;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval items of projects. BPMN reads it as {@code projectItems}: a stage's multi-instance
 * runs over {@code ${projectItems.codesInStage(execution, 1)}}, the items of the project whose
 * joint approval process instance asks.
 */
@Repository("projectItems")
@ModelExpressionBean
public class ProjectItemRepository {

  /**
   * Mapped by hand, as {@code DeadlineRepository} maps clocks: Spring's record mapper costs the
   * PostgreSQL driver an exception per camel-case component and row.
   */
  private static final RowMapper<ProjectItem> ITEM = (rs, row) -> new ProjectItem(
      rs.getString("project_code"), rs.getString("item_code"), rs.getString("name"),
      rs.getString("department"), rs.getString("candidate_group"), rs.getInt("stage"),
      rs.getInt("promised_days"), rs.getString("deadline_id"),
      ItemStatus.valueOf(rs.getString("status")), Light.valueOf(rs.getString("light")),
      rs.getBoolean("escalated"), rs.getString("opinion"),
      rs.getObject("completed_on", LocalDate.class), rs.getString("process_instance_id"));

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  public ProjectItemRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /** A registration's items, in one batch. */
  public void insertAll(List<ProjectItem> items) {
    batches.batchUpdate("""
        insert into project_item (project_code, item_code, name, department, candidate_group,
          stage, promised_days, deadline_id, status, light, escalated)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items.stream().map(item -> new Object[] {
            item.projectCode(), item.itemCode(), item.name(), item.department(),
            item.candidateGroup(), item.stage(), item.promisedDays(), item.deadlineId(),
            item.status().name(), item.light().name(), item.escalated()}).toList());
  }

  public List<ProjectItem> ofProject(String projectCode) {
    return jdbc.sql("select * from project_item where project_code = :projectCode "
            + "order by stage, item_code")
        .param("projectCode", projectCode)
        .query(ITEM).list();
  }

  public ProjectItem get(String projectCode, String itemCode) {
    return find(projectCode, itemCode).orElseThrow(() -> new IllegalStateException(
        "No item " + itemCode + " in project " + projectCode));
  }

  public Optional<ProjectItem> find(String projectCode, String itemCode) {
    return jdbc.sql("select * from project_item "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("projectCode", projectCode).param("itemCode", itemCode)
        .query(ITEM).optional();
  }

  /** The item an approval-item process instance was bound to when it opened it. */
  public Optional<ProjectItem> boundTo(String processInstanceId) {
    return jdbc.sql("select * from project_item where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId)
        .query(ITEM).optional();
  }

  /**
   * Binds the item to a process instance if it is still bound to {@code previous} (or to none);
   * false when another binding came first.
   */
  public boolean bind(String projectCode, String itemCode, String processInstanceId,
      String previous) {
    var statement = jdbc.sql("update project_item set process_instance_id = :processInstanceId "
            + "where project_code = :projectCode and item_code = :itemCode and "
            + (previous == null ? "process_instance_id is null" : "process_instance_id = :previous"))
        .param("processInstanceId", processInstanceId).param("projectCode", projectCode)
        .param("itemCode", itemCode);
    return (previous == null ? statement : statement.param("previous", previous)).update() == 1;
  }

  /** The stage under way: the first one with an item not yet approved (0 when none is left). */
  public int currentStage(String projectCode) {
    return jdbc.sql("select coalesce(min(stage), 0) from project_item "
            + "where project_code = :projectCode and status <> :approved")
        .param("projectCode", projectCode).param("approved", ItemStatus.APPROVED.name())
        .query(Integer.class).single();
  }

  /**
   * The codes of one stage's items, in a stable order, of the project whose joint approval
   * process instance {@code execution} belongs to.
   */
  public List<String> codesInStage(DelegateExecution execution, int stage) {
    return jdbc.sql("""
            select i.item_code from project_item i join project p on p.code = i.project_code
            where p.process_instance_id = :processInstanceId and i.stage = :stage
            order by i.item_code""")
        .param("processInstanceId", execution.getProcessInstanceId()).param("stage", stage)
        .query(String.class).list();
  }

  public void setStatus(String projectCode, String itemCode, ItemStatus status) {
    jdbc.sql("update project_item set status = :status "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("status", status.name())
        .param("projectCode", projectCode).param("itemCode", itemCode).update();
  }

  public void setLight(String projectCode, String itemCode, Light light) {
    jdbc.sql("update project_item set light = :light "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("light", light.name())
        .param("projectCode", projectCode).param("itemCode", itemCode).update();
  }

  public void setOpinion(String projectCode, String itemCode, String opinion) {
    jdbc.sql("update project_item set opinion = :opinion "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("opinion", opinion)
        .param("projectCode", projectCode).param("itemCode", itemCode).update();
  }

  public void markEscalated(String projectCode, String itemCode) {
    jdbc.sql("update project_item set escalated = :escalated "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("escalated", true)
        .param("projectCode", projectCode).param("itemCode", itemCode).update();
  }

  public void approve(String projectCode, String itemCode, String opinion, LocalDate on) {
    jdbc.sql("""
            update project_item set status = :status, opinion = :opinion, completed_on = :on
            where project_code = :projectCode and item_code = :itemCode""")
        .param("status", ItemStatus.APPROVED.name()).param("opinion", opinion).param("on", on)
        .param("projectCode", projectCode).param("itemCode", itemCode).update();
  }

  /** Whether the item is in an open matter (platform, meeting or supervision) now. */
  public boolean inMatter(String projectCode, String itemCode) {
    return jdbc.sql("select in_matter from project_item "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("projectCode", projectCode).param("itemCode", itemCode)
        .query(Boolean.class).optional().orElse(false);
  }

  /**
   * Marks the item as in an open matter, if it is not yet in one; {@code false} when it already
   * is (then no second matter may open).
   */
  public boolean enterMatter(String projectCode, String itemCode) {
    return jdbc.sql("update project_item set in_matter = :yes "
            + "where project_code = :projectCode and item_code = :itemCode and in_matter = :no")
        .param("yes", true).param("no", false)
        .param("projectCode", projectCode).param("itemCode", itemCode).update() == 1;
  }

  /** The item came back from its matter on {@code on}: a fresh grace period counts from then. */
  public void leaveMatter(String projectCode, String itemCode, LocalDate on) {
    jdbc.sql("update project_item set in_matter = :no, escalation_rearmed_on = :on "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("no", false).param("on", on)
        .param("projectCode", projectCode).param("itemCode", itemCode).update();
  }

  /** The day the item last came back from a matter, if ever. */
  public java.util.Optional<LocalDate> escalationRearmedOn(String projectCode, String itemCode) {
    return jdbc.sql("select escalation_rearmed_on from project_item "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("projectCode", projectCode).param("itemCode", itemCode)
        .query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
  }
}
