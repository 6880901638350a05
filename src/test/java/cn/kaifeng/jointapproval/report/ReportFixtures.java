package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ledger rows written straight into the tables the report reads (no process runs): projects,
 * nodes, plans, investment reports, items with their clocks, problems, supervision cases.
 */
final class ReportFixtures {

  private final JdbcClient jdbc;
  private int sequence;

  ReportFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String project(String county, int investment) {
    String code = ProjectFixtures.newCode("R");
    jdbc.sql("""
        insert into project (code, name, county, free_trade_zone, commitment_system,
          government_invested, investment, responsible_cadre, chief_service_officer,
          contracting_leader, historic_area, forest_land, hazardous_goods, civil_air_defence,
          road_works, special_equipment, annual_energy_tce, land_area_hectares, status, light,
          registered_by, registered_at, node)
        values (:code, :name, :county, false, false, false, :investment, '王建国',
          :officer, 'leader-1', false, false, false, false, false, false, 0, 0, 'APPROVING',
          'GREEN', 'keyoffice', :at, 'RESERVE')""")
        .param("code", code).param("name", "考评项目" + code).param("county", county)
        .param("investment", investment).param("officer", "cso-" + county)
        .param("at", Timestamp.from(Instant.now())).update();
    return code;
  }

  void set(String code, String column, Object value) {
    jdbc.sql("update project set " + column + " = :v where code = :code").param("v", value)
        .param("code", code).update();
  }

  /** The clock of construction start stopped: limit and working days used. */
  void started(String code, LocalDate on, int limit, int used) {
    jdbc.sql("""
        update project set started_on = :on, limit_working_days = :limit,
          working_days_used = :used, status = 'STARTED' where code = :code""")
        .param("on", on).param("limit", limit).param("used", used).param("code", code).update();
    reach(code, "STARTED", on);
  }

  void reach(String code, String node, LocalDate on) {
    jdbc.sql("""
        insert into project_node (project_code, node, reached_on, recorded_by, recorded_at)
        values (:code, :node, :on, 'cso-lankao', :at)""")
        .param("code", code).param("node", node).param("on", on)
        .param("at", Timestamp.from(Instant.now())).update();
  }

  void plan(String code, int year, int investment, String node, LocalDate plannedOn) {
    jdbc.sql("""
        insert into project_plan (project_code, plan_year, version, planned_investment,
          changed_by, changed_at)
        values (:code, :year, 1, :investment, 'cso-lankao', :at)""")
        .param("code", code).param("year", year).param("investment", investment)
        .param("at", Timestamp.from(Instant.now())).update();
    long id = jdbc.sql("select id from project_plan where project_code = :code")
        .param("code", code).query(Long.class).single();
    plannedNode(id, node, plannedOn);
  }

  void plannedNode(String code, String node, LocalDate plannedOn) {
    long id = jdbc.sql("select id from project_plan where project_code = :code")
        .param("code", code).query(Long.class).single();
    plannedNode(id, node, plannedOn);
  }

  private void plannedNode(long planId, String node, LocalDate plannedOn) {
    jdbc.sql("insert into project_plan_node (plan_id, node, planned_on) values (:id, :n, :on)")
        .param("id", planId).param("n", node).param("on", plannedOn).update();
  }

  void invested(String code, String month, int version, String amount) {
    jdbc.sql("""
        insert into investment_report (project_code, report_month, version, amount,
          reported_by, reported_at, via)
        values (:code, :month, :version, :amount, 'cso-lankao', :at, 'API')""")
        .param("code", code).param("month", month).param("version", version)
        .param("amount", new BigDecimal(amount)).param("at", Timestamp.from(Instant.now()))
        .update();
  }

  String deadline(LocalDate dueOn) {
    String id = "report-fixture-" + (++sequence) + "-" + System.nanoTime();
    jdbc.sql("""
        insert into deadline (id, start_on, limit_days, paused_days, warn_share, due_on, warn_on,
          provisional)
        values (:id, :start, 10, 0, 0.75, :due, :due, false)""")
        .param("id", id).param("start", dueOn.minusDays(14)).param("due", dueOn).update();
    return id;
  }

  void item(String code, String department, LocalDate dueOn, LocalDate completedOn) {
    jdbc.sql("""
        insert into project_item (project_code, item_code, name, department, candidate_group,
          stage, promised_days, deadline_id, status, light, completed_on)
        values (:code, :item, '审批事项', :dept, :group, 1, 10, :deadline, :status, 'GREEN',
          :completed)""")
        .param("code", code).param("item", "ITEM-" + (++sequence)).param("dept", department)
        .param("group", "approval-" + department).param("deadline", deadline(dueOn))
        .param("status", completedOn == null ? "OPEN" : "APPROVED")
        .param("completed", completedOn).update();
  }

  void problem(String code, String unit, LocalDate dueOn, LocalDate closedOn) {
    jdbc.sql("""
        insert into problem (id, project_code, category, description, level, proposed_unit,
          status, responsible_unit, deadline_days, deadline_id, closed_on, raised_by, raised_at)
        values (:id, :code, 'LAND', '用地指标未落实', 'COUNTY', :unit, :status, :unit, 10,
          :deadline, :closed, 'keyoffice', :at)""")
        .param("id", "P-R" + (++sequence) + "-" + System.nanoTime() % 100000)
        .param("code", code).param("unit", unit)
        .param("status", closedOn == null ? "ASSIGNED" : "CLOSED")
        .param("deadline", deadline(dueOn)).param("closed", closedOn)
        .param("at", Timestamp.from(Instant.now())).update();
  }

  String supervisionCase(String code, String unit, boolean overdue, Instant openedAt) {
    String id = "C-R" + (++sequence) + "-" + System.nanoTime() % 100000;
    jdbc.sql("""
        insert into supervision_case (id, project_code, decision, responsible_unit, deadline_id,
          status, overdue, opened_at, origin)
        values (:id, :code, '限期办结', :unit, :deadline, 'IN_PROGRESS', :overdue, :at,
          'PROJECT_OVERRUN')""")
        .param("id", id).param("code", code).param("unit", unit)
        .param("deadline", deadline(LocalDate.ofInstant(openedAt, java.time.ZoneOffset.UTC)
            .plusDays(14)))
        .param("overdue", overdue).param("at", Timestamp.from(openedAt)).update();
    return id;
  }

  /** An accountability proposal approved on {@code at}, as the supervision process records it. */
  void accountabilityApproved(String code, String caseId, Instant at) {
    jdbc.sql("update supervision_case set accountability = 'APPROVED' where id = :id")
        .param("id", caseId).update();
    jdbc.sql("""
        insert into project_event (project_code, occurred_at, event, actor, detail)
        values (:code, :at, 'ACCOUNTABILITY_APPROVED', 'vicemayor', :detail)""")
        .param("code", code).param("at", Timestamp.from(at))
        .param("detail", "督办件 " + caseId + " 问责建议经审批同意，予以记录：通报批评").update();
  }
}
