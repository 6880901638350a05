package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import cn.kaifeng.jointapproval.project.Light;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
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

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public ProjectItemRepository(JdbcTemplate jdbc, JdbcClient client) {
    this.jdbc = jdbc;
    this.client = client;
  }

  public void insert(ProjectItem item) {
    jdbc.update("""
        insert into project_item (project_code, item_code, name, department, candidate_group,
          stage, promised_days, deadline_id, status, light, escalated)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        item.projectCode(), item.itemCode(), item.name(), item.department(),
        item.candidateGroup(), item.stage(), item.promisedDays(), item.deadlineId(),
        item.status().name(), item.light().name(), item.escalated());
  }

  public List<ProjectItem> ofProject(String projectCode) {
    return jdbc.query("select * from project_item where project_code = ? "
        + "order by stage, item_code", ProjectItemRepository::map, projectCode);
  }

  public ProjectItem get(String projectCode, String itemCode) {
    return find(projectCode, itemCode).orElseThrow(() -> new IllegalStateException(
        "No item " + itemCode + " in project " + projectCode));
  }

  public Optional<ProjectItem> find(String projectCode, String itemCode) {
    return client.sql("select * from project_item "
            + "where project_code = :projectCode and item_code = :itemCode")
        .param("projectCode", projectCode).param("itemCode", itemCode)
        .query(ProjectItemRepository::map).optional();
  }

  /** The item an approval-item process instance was bound to when it opened it. */
  public Optional<ProjectItem> boundTo(String processInstanceId) {
    return client.sql("select * from project_item where process_instance_id = :processInstanceId")
        .param("processInstanceId", processInstanceId)
        .query(ProjectItemRepository::map).optional();
  }

  /**
   * Binds the item to a process instance if it is still bound to {@code previous} (or to none);
   * false when another binding came first.
   */
  public boolean bind(String projectCode, String itemCode, String processInstanceId,
      String previous) {
    var statement = client.sql("update project_item set process_instance_id = :processInstanceId "
            + "where project_code = :projectCode and item_code = :itemCode and "
            + (previous == null ? "process_instance_id is null" : "process_instance_id = :previous"))
        .param("processInstanceId", processInstanceId).param("projectCode", projectCode)
        .param("itemCode", itemCode);
    return (previous == null ? statement : statement.param("previous", previous)).update() == 1;
  }

  /** The stage under way: the first one with an item not yet approved (0 when none is left). */
  public int currentStage(String projectCode) {
    return client.sql("select coalesce(min(stage), 0) from project_item "
            + "where project_code = :projectCode and status <> :approved")
        .param("projectCode", projectCode).param("approved", ItemStatus.APPROVED.name())
        .query(Integer.class).single();
  }

  /**
   * The codes of one stage's items, in a stable order, of the project whose joint approval
   * process instance {@code execution} belongs to.
   */
  public List<String> codesInStage(DelegateExecution execution, int stage) {
    return client.sql("""
            select i.item_code from project_item i join project p on p.code = i.project_code
            where p.process_instance_id = :processInstanceId and i.stage = :stage
            order by i.item_code""")
        .param("processInstanceId", execution.getProcessInstanceId()).param("stage", stage)
        .query(String.class).list();
  }

  public void setStatus(String projectCode, String itemCode, ItemStatus status) {
    jdbc.update("update project_item set status = ? where project_code = ? and item_code = ?",
        status.name(), projectCode, itemCode);
  }

  public void setLight(String projectCode, String itemCode, Light light) {
    jdbc.update("update project_item set light = ? where project_code = ? and item_code = ?",
        light.name(), projectCode, itemCode);
  }

  public void setOpinion(String projectCode, String itemCode, String opinion) {
    jdbc.update("update project_item set opinion = ? where project_code = ? and item_code = ?",
        opinion, projectCode, itemCode);
  }

  public void markEscalated(String projectCode, String itemCode) {
    jdbc.update("update project_item set escalated = ? where project_code = ? and item_code = ?",
        true, projectCode, itemCode);
  }

  public void approve(String projectCode, String itemCode, String opinion, LocalDate on) {
    jdbc.update("""
        update project_item set status = ?, opinion = ?, completed_on = ?
        where project_code = ? and item_code = ?""", ItemStatus.APPROVED.name(), opinion,
        Date.valueOf(on), projectCode, itemCode);
  }

  private static ProjectItem map(ResultSet rs, int row) throws SQLException {
    Date completed = rs.getDate("completed_on");
    return new ProjectItem(rs.getString("project_code"), rs.getString("item_code"),
        rs.getString("name"), rs.getString("department"), rs.getString("candidate_group"),
        rs.getInt("stage"), rs.getInt("promised_days"), rs.getString("deadline_id"),
        ItemStatus.valueOf(rs.getString("status")), Light.valueOf(rs.getString("light")),
        rs.getBoolean("escalated"), rs.getString("opinion"),
        completed == null ? null : completed.toLocalDate(), rs.getString("process_instance_id"));
  }
}
