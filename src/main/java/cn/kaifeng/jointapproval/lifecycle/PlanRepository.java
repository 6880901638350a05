package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** project_plan and project_plan_node: every version of every node plan, never updated. */
@Repository
public class PlanRepository {

  private record Row(long id, String projectCode, int planYear, int version,
      BigDecimal plannedInvestment, String changedBy, Timestamp changedAt, String changes) {}

  private record NodeRow(long planId, String node, LocalDate plannedOn) {}

  private final JdbcClient jdbc;

  public PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every version of a project's plan for a year, oldest first. */
  public List<NodePlan> versions(String projectCode, int year) {
    return jdbc.sql("""
        select id, project_code, plan_year, version, planned_investment, changed_by, changed_at,
          changes from project_plan where project_code = :code and plan_year = :year
        order by version""")
        .param("code", projectCode).param("year", year)
        .query(Row.class).list().stream().map(this::withNodes).toList();
  }

  /** The highest version for a year. */
  public Optional<NodePlan> latest(String projectCode, int year) {
    var all = versions(projectCode, year);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The plan in force on {@code today}: the latest version of the latest year not after today's
   * (a plan set in December for next year takes over in January).
   */
  public Optional<NodePlan> current(String projectCode, LocalDate today) {
    return jdbc.sql("""
        select distinct plan_year from project_plan
        where project_code = :code and plan_year <= :year order by plan_year desc""")
        .param("code", projectCode).param("year", today.getYear())
        .query(Integer.class).list().stream().findFirst()
        .flatMap(year -> latest(projectCode, year));
  }

  /** Projects that have a plan at all. */
  public List<String> plannedProjects() {
    return jdbc.sql("select distinct project_code from project_plan order by project_code")
        .query(String.class).list();
  }

  public void insert(String projectCode, int year, int version, BigDecimal investment,
      Map<Node, LocalDate> nodes, String changedBy, Instant at, String changes) {
    jdbc.sql("""
        insert into project_plan (project_code, plan_year, version, planned_investment,
          changed_by, changed_at, changes)
        values (:code, :year, :version, :investment, :changedBy, :changedAt, :changes)""")
        .param("code", projectCode).param("year", year).param("version", version)
        .param("investment", investment).param("changedBy", changedBy)
        .param("changedAt", Timestamp.from(at))
        .param("changes", changes.length() > 2000 ? changes.substring(0, 2000) : changes)
        .update();
    long id = jdbc.sql("""
        select id from project_plan
        where project_code = :code and plan_year = :year and version = :version""")
        .param("code", projectCode).param("year", year).param("version", version)
        .query(Long.class).single();
    nodes.forEach((node, on) -> jdbc.sql("""
        insert into project_plan_node (plan_id, node, planned_on) values (:id, :node, :on)""")
        .param("id", id).param("node", node.name()).param("on", on)
        .update());
  }

  private NodePlan withNodes(Row row) {
    Map<Node, LocalDate> nodes = new EnumMap<>(Node.class);
    jdbc.sql("select plan_id, node, planned_on from project_plan_node where plan_id = :id")
        .param("id", row.id()).query(NodeRow.class).list()
        .forEach(n -> Node.byName(n.node()).ifPresent(node -> nodes.put(node, n.plannedOn())));
    return new NodePlan(row.id(), row.projectCode(), row.planYear(), row.version(),
        row.plannedInvestment(), nodes, row.changedBy(), row.changedAt().toInstant(),
        row.changes());
  }
}
