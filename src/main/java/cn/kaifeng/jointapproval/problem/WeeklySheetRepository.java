package cn.kaifeng.jointapproval.problem;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each week's list and, once issued, its assignment sheet (交办单); issued lines never change. */
@Repository
public class WeeklySheetRepository {

  /** A line: a problem to decide, a still-open problem, or a lagging project. */
  public record Line(int position, String kind, String problemId, String projectCode,
      String summary, String decision, String responsibleUnit, Integer deadlineDays,
      LocalDate dueOn, String mergedInto, String reason) {}

  /** A lagging project as the lifecycle and approval ledgers show it today. */
  public record Lagging(String projectCode, String summary) {}

  private final JdbcClient jdbc;

  public WeeklySheetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String id, Instant closesAt, String processInstanceId) {
    jdbc.sql("""
        insert into weekly_sheet (id, closes_at, process_instance_id)
        values (:id, :closes, :pi)""").param("id", id)
        .param("closes", Timestamp.from(closesAt)).param("pi", processInstanceId).update();
  }

  public void addLine(String sheetId, Line line) {
    jdbc.sql("""
        insert into weekly_sheet_line (sheet_id, position, kind, problem_id, project_code, summary)
        values (:sheet, :position, :kind, :problem, :project, :summary)""")
        .param("sheet", sheetId).param("position", line.position()).param("kind", line.kind())
        .param("problem", line.problemId()).param("project", line.projectCode())
        .param("summary", line.summary()).update();
  }

  /** A sheet's head: when its list closed, when and by whom it was issued (null while open). */
  public record Sheet(String id, Instant closesAt, Instant issuedAt, String issuedBy) {}

  public Optional<Sheet> find(String id) {
    return jdbc.sql("select * from weekly_sheet where id = :id").param("id", id)
        .query((rs, n) -> new Sheet(rs.getString("id"), rs.getTimestamp("closes_at").toInstant(),
            rs.getTimestamp("issued_at") == null ? null : rs.getTimestamp("issued_at").toInstant(),
            rs.getString("issued_by"))).optional();
  }

  public Optional<String> ofProcessInstance(String processInstanceId) {
    return jdbc.sql("select id from weekly_sheet where process_instance_id = :pi")
        .param("pi", processInstanceId).query(String.class).optional();
  }

  public boolean issued(String sheetId) {
    return jdbc.sql("select issued_at from weekly_sheet where id = :id").param("id", sheetId)
        .query(Timestamp.class).optional().isPresent();
  }

  public List<Line> lines(String sheetId) {
    return jdbc.sql("""
        select * from weekly_sheet_line where sheet_id = :id order by position""")
        .param("id", sheetId).query((rs, n) -> new Line(rs.getInt("position"),
            rs.getString("kind"), rs.getString("problem_id"), rs.getString("project_code"),
            rs.getString("summary"), rs.getString("decision"), rs.getString("responsible_unit"),
            (Integer) rs.getObject("deadline_days"), rs.getObject("due_on", LocalDate.class),
            rs.getString("merged_into"), rs.getString("reason"))).list();
  }

  /** Writes the office's decision on a line of a sheet not yet issued. */
  public void decide(String sheetId, String problemId, String decision, String unit,
      Integer days, LocalDate dueOn, String mergedInto, String reason) {
    jdbc.sql("""
        update weekly_sheet_line set decision = :decision, responsible_unit = :unit,
          deadline_days = :days, due_on = :due, merged_into = :merged, reason = :reason
        where sheet_id = :sheet and problem_id = :problem and kind = 'PROBLEM'
          and exists (select 1 from weekly_sheet s where s.id = :sheet and s.issued_at is null)""")
        .param("decision", decision).param("unit", unit).param("days", days)
        .param("due", dueOn).param("merged", mergedInto).param("reason", reason)
        .param("sheet", sheetId).param("problem", problemId).update();
  }

  public void issue(String sheetId, String by, Instant at) {
    jdbc.sql("""
        update weekly_sheet set issued_at = :at, issued_by = :by
        where id = :id and issued_at is null""")
        .param("at", Timestamp.from(at)).param("by", by).param("id", sheetId).update();
  }

  /** Problem ids on a list not yet issued: they wait for that list, not the next one. */
  public List<String> pendingProblems() {
    return jdbc.sql("""
        select l.problem_id from weekly_sheet_line l join weekly_sheet s on s.id = l.sheet_id
        where s.issued_at is null and l.kind = 'PROBLEM'""").query(String.class).list();
  }

  /** Open alerts (应开未开, 应竣未竣, 节点滞后) and red approval items, per project. */
  public List<Lagging> lagging() {
    var alerts = jdbc.sql("""
        select a.project_code, a.kind, a.detail from project_alert a
        where a.cleared_on is null order by a.project_code, a.id""")
        .query((rs, n) -> new Lagging(rs.getString("project_code"),
            kindName(rs.getString("kind")) + "：" + rs.getString("detail"))).list();
    var red = jdbc.sql("""
        select i.project_code, i.name from project_item i
        where i.light = 'RED' and i.status <> 'APPROVED' order by i.project_code, i.item_code""")
        .query((rs, n) -> new Lagging(rs.getString("project_code"),
            "审批事项超期（红灯）：" + rs.getString("name"))).list();
    var all = new java.util.ArrayList<>(alerts);
    all.addAll(red);
    return all;
  }

  private static String kindName(String kind) {
    return switch (kind) {
      case "START_OVERDUE" -> "应开未开";
      case "COMPLETION_OVERDUE" -> "应竣未竣";
      case "NODE_LATE" -> "节点滞后";
      default -> kind;
    };
  }
}
