package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineCalculator.Pause;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pauses of items returned for supplement (table {@code project_pause}). */
@Repository
public class ItemPauseRepository {

  private final JdbcClient jdbc;

  public ItemPauseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void start(String projectCode, String itemCode, LocalDate on) {
    jdbc.sql("""
        insert into project_pause (project_code, item_code, paused_on)
        values (:project, :item, :on)""")
        .param("project", projectCode).param("item", itemCode).param("on", on)
        .update();
  }

  /** Ends the item's open pause; returns when it started. */
  public LocalDate end(String projectCode, String itemCode, LocalDate on) {
    var started = jdbc.sql("""
        select paused_on from project_pause
        where project_code = :project and item_code = :item and resumed_on is null""")
        .param("project", projectCode).param("item", itemCode)
        .query(LocalDate.class).optional()
        .orElseThrow(() -> new IllegalStateException(
            "Item " + projectCode + "/" + itemCode + " is not paused"));
    jdbc.sql("""
        update project_pause set resumed_on = :on
        where project_code = :project and item_code = :item and resumed_on is null""")
        .param("on", on).param("project", projectCode).param("item", itemCode)
        .update();
    return started;
  }

  /** The finished pauses of every item of the project. */
  public List<Pause> finished(String projectCode) {
    return jdbc.sql("""
        select paused_on as "from", resumed_on as "until" from project_pause
        where project_code = :project and resumed_on is not null""")
        .param("project", projectCode)
        .query((rs, row) -> new Pause(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()))
        .list();
  }
}
