package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The approval items of projects. BPMN reads it as {@code projectItems}: a stage's multi-instance
 * runs over {@code ${projectItems.codesInStage(projectCode, 1)}}.
 */
@Repository("projectItems")
@ModelExpressionBean
public class ProjectItemRepository {

  private final JdbcTemplate jdbc;

  public ProjectItemRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
    return jdbc.query("select * from project_item where project_code = ? and item_code = ?",
            ProjectItemRepository::map, projectCode, itemCode)
        .stream().findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "No item " + itemCode + " in project " + projectCode));
  }

  /** The codes of the project's items in one stage, in a stable order. */
  public List<String> codesInStage(String projectCode, int stage) {
    return jdbc.queryForList("select item_code from project_item where project_code = ? "
        + "and stage = ? order by item_code", String.class, projectCode, stage);
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
        completed == null ? null : completed.toLocalDate());
  }
}
