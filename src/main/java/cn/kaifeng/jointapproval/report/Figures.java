package cn.kaifeng.jointapproval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of a period per unit, read from the ledger's own tables (projects, nodes, plans,
 * investment reports, items and their clocks, problems, supervision cases); nothing is taken from
 * process variables. Counts are events inside the period; rates are taken at its last day over
 * the plans of that day's year. A rate without a base (no plan) is null: no figure, no points.
 */
@Component
public class Figures {

  private static final String CURRENT_PLAN = """
      select pp.* from project_plan pp where pp.plan_year = :year and pp.version =
        (select max(v.version) from project_plan v
         where v.project_code = pp.project_code and v.plan_year = pp.plan_year)""";

  private final JdbcClient jdbc;

  public Figures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every unit's figures for the period: group id → rule → figure (null: no base). */
  public Map<String, Map<Rule, BigDecimal>> of(Iterable<ReportUnit> units, LocalDate from,
      LocalDate to) {
    Map<String, Map<Rule, BigDecimal>> figures = new HashMap<>();
    for (var unit : units) {
      var row = new EnumMap<Rule, BigDecimal>(Rule.class);
      for (var rule : Rule.of(unit.audience())) {
        row.put(rule, rule.name().endsWith("_RATE") ? null : BigDecimal.ZERO);
      }
      figures.put(unit.group(), row);
    }
    var counties = "county-";
    approvalDays(from, to).forEach((county, days) -> {
      put(figures, counties + county, Rule.DAYS_SAVED, days[0]);
      put(figures, counties + county, Rule.DAYS_OVER, days[1]);
    });
    nodeRate("STARTED", from, to).forEach((c, r) -> put(figures, counties + c, Rule.START_RATE, r));
    nodeRate("COMPLETED", from, to)
        .forEach((c, r) -> put(figures, counties + c, Rule.COMPLETION_RATE, r));
    investmentRate(to).forEach((c, r) -> put(figures, counties + c, Rule.INVESTMENT_RATE, r));
    for (var node : new String[] {"RESERVE", "NEGOTIATING", "SIGNED", "LANDED"}) {
      newNodes(node, "1 = 1", from, to)
          .forEach((c, n) -> put(figures, counties + c, Rule.valueOf("NEW_" + node), n));
    }
    newNodes("SIGNED", "p.fortune500 = true", from, to)
        .forEach((c, n) -> put(figures, counties + c, Rule.FORTUNE500, n));
    newNodes("LANDED", "p.investment >= 100000", from, to)
        .forEach((c, n) -> put(figures, counties + c, Rule.BILLION, n));
    portfolio("p.provincial_key = true", from, to)
        .forEach((c, n) -> put(figures, counties + c, Rule.PROVINCIAL_KEY, n));
    portfolio("p.industry_chain = true", from, to)
        .forEach((c, n) -> put(figures, counties + c, Rule.INDUSTRY_CHAIN, n));
    itemsOnTime(from, to).forEach((d, n) -> put(figures, "approval-" + d, Rule.ITEMS_ON_TIME, n));
    itemsOverdue(from, to).forEach((d, n) -> put(figures, "approval-" + d, Rule.ITEMS_OVERDUE, n));
    overdueProblems(from, to).forEach((u, n) -> put(figures, u, Rule.OVERDUE_PROBLEMS, n));
    overdueCases(from, to).forEach((u, n) -> put(figures, u, Rule.OVERDUE_CASES, n));
    accountability(from, to).forEach((u, n) -> put(figures, u, Rule.ACCOUNTABILITY, n));
    return figures;
  }

  private static void put(Map<String, Map<Rule, BigDecimal>> figures, String unit, Rule rule,
      BigDecimal value) {
    var row = figures.get(unit);
    if (row != null && row.containsKey(rule)) {
      row.put(rule, value);
    }
  }

  /**
   * 提效率 per county: for the projects whose construction started in the period (the clock of
   * DOMAIN.md §3 stops then), working days under the track limit (saved) and over it.
   */
  private Map<String, BigDecimal[]> approvalDays(LocalDate from, LocalDate to) {
    Map<String, BigDecimal[]> out = new HashMap<>();
    jdbc.sql("""
        select county,
          sum(case when limit_working_days > working_days_used
            then limit_working_days - working_days_used else 0 end) as saved,
          sum(case when working_days_used > limit_working_days
            then working_days_used - limit_working_days else 0 end) as overrun
        from project
        where started_on between :from and :to and working_days_used is not null
          and limit_working_days is not null
        group by county""")
        .param("from", from).param("to", to)
        .query((rs, n) -> out.put(rs.getString("county"), new BigDecimal[] {
            BigDecimal.valueOf(rs.getLong("saved")), BigDecimal.valueOf(rs.getLong("overrun"))}))
        .list();
    return out;
  }

  /**
   * 开工率 / 竣工率: of the projects whose current plan for the year put the node on or before the
   * period's last day, the share that reached it by then.
   */
  private Map<String, BigDecimal> nodeRate(String node, LocalDate from, LocalDate to) {
    Map<String, BigDecimal> out = new HashMap<>();
    jdbc.sql("select p.county, count(*) as planned, sum(case when exists (select 1 from "
            + "project_node n where n.project_code = p.code and n.node = :node and n.reached_on "
            + "<= :to) then 1 else 0 end) as reached from (" + CURRENT_PLAN + ") cp "
            + "join project_plan_node pn on pn.plan_id = cp.id and pn.node = :node "
            + "join project p on p.code = cp.project_code where pn.planned_on <= :to "
            + "group by p.county")
        .param("node", node).param("to", to).param("year", to.getYear())
        .query((rs, n) -> out.put(rs.getString("county"),
            ratio(rs.getLong("reached"), BigDecimal.valueOf(rs.getLong("planned")))))
        .list();
    return out;
  }

  /**
   * 投资完成率: the investment reported for the months of the year up to the period's last month
   * (each month's latest version) over the year's planned investment (current plans).
   */
  private Map<String, BigDecimal> investmentRate(LocalDate to) {
    Map<String, BigDecimal> planned = new HashMap<>();
    jdbc.sql("select p.county, sum(cp.planned_investment) as planned from (" + CURRENT_PLAN
            + ") cp join project p on p.code = cp.project_code group by p.county")
        .param("year", to.getYear())
        .query((rs, n) -> planned.put(rs.getString("county"), rs.getBigDecimal("planned")))
        .list();
    Map<String, BigDecimal> done = new HashMap<>();
    jdbc.sql("""
        select p.county, sum(r.amount) as done from investment_report r
        join project p on p.code = r.project_code
        where r.report_month between :first and :last and r.version =
          (select max(v.version) from investment_report v
           where v.project_code = r.project_code and v.report_month = r.report_month)
          and exists (select 1 from project_plan pl
            where pl.project_code = r.project_code and pl.plan_year = :year)
        group by p.county""")
        .param("first", to.getYear() + "-01").param("last", to.toString().substring(0, 7))
        .param("year", to.getYear())
        .query((rs, n) -> done.put(rs.getString("county"), rs.getBigDecimal("done")))
        .list();
    Map<String, BigDecimal> out = new HashMap<>();
    planned.forEach((county, plan) -> {
      if (plan != null && plan.signum() > 0) {
        var completed = done.getOrDefault(county, BigDecimal.ZERO);
        out.put(county, completed.divide(plan, 4, RoundingMode.HALF_UP));
      }
    });
    return out;
  }

  /** 促增量: projects of the county that reached {@code node} in the period. */
  private Map<String, BigDecimal> newNodes(String node, String condition, LocalDate from,
      LocalDate to) {
    return counted("select p.county as unit, count(*) as n from project_node pn join project p "
        + "on p.code = pn.project_code where pn.node = :node and pn.reached_on between :from "
        + "and :to and " + condition + " group by p.county", Map.of("node", node), from, to);
  }

  /**
   * 提质量: the county's projects with the attribute that are in its portfolio during the period:
   * signed or landed by its last day, and not yet in production before its first.
   */
  private Map<String, BigDecimal> portfolio(String condition, LocalDate from, LocalDate to) {
    return counted("select p.county as unit, count(*) as n from project p where " + condition
        + " and exists (select 1 from project_node s where s.project_code = p.code and s.node in "
        + "('SIGNED', 'LANDED') and s.reached_on <= :to) and not exists (select 1 from "
        + "project_node o where o.project_code = p.code and o.node = 'OPERATING' and "
        + "o.reached_on < :from) group by p.county", Map.of(), from, to);
  }

  /** Items a section finished in the period within their promised days. */
  private Map<String, BigDecimal> itemsOnTime(LocalDate from, LocalDate to) {
    return counted("""
        select i.department as unit, count(*) as n from project_item i
        join deadline d on d.id = i.deadline_id
        where i.completed_on between :from and :to and i.completed_on <= d.due_on
        group by i.department""", Map.of(), from, to);
  }

  /**
   * Items past their promised days in the period: finished late in it, or still open with the
   * due date passed before its last day.
   */
  private Map<String, BigDecimal> itemsOverdue(LocalDate from, LocalDate to) {
    return counted("""
        select i.department as unit, count(*) as n from project_item i
        join deadline d on d.id = i.deadline_id
        where (i.completed_on between :from and :to and i.completed_on > d.due_on)
          or (i.completed_on is null and d.due_on < :to and i.status <> 'PLANNED')
        group by i.department""", Map.of(), from, to);
  }

  /**
   * Problems assigned to the unit that were past their deadline during the period: due before its
   * last day, and not closed before it began nor by their due date.
   */
  private Map<String, BigDecimal> overdueProblems(LocalDate from, LocalDate to) {
    return counted("""
        select pr.responsible_unit as unit, count(*) as n from problem pr
        join deadline d on d.id = pr.deadline_id
        where pr.responsible_unit is not null and d.due_on < :to
          and (pr.closed_on is null or (pr.closed_on > d.due_on and pr.closed_on >= :from))
        group by pr.responsible_unit""", Map.of(), from, to);
  }

  /** Supervision cases of the unit marked overdue and still open during the period. */
  private Map<String, BigDecimal> overdueCases(LocalDate from, LocalDate to) {
    return counted("""
        select responsible_unit as unit, count(*) as n from supervision_case
        where overdue = true and cast(opened_at as date) <= :to
          and (closed_on is null or closed_on >= :from)
        group by responsible_unit""", Map.of(), from, to);
  }

  /**
   * Accountability proposals against the unit approved in the period: the case says whom and
   * that it was approved, the project's ledger entry written at the approval says when.
   */
  private Map<String, BigDecimal> accountability(LocalDate from, LocalDate to) {
    return counted("""
        select c.responsible_unit as unit, count(*) as n from supervision_case c
        where c.accountability = 'APPROVED' and exists (select 1 from project_event e
          where e.project_code = c.project_code and e.event = 'ACCOUNTABILITY_APPROVED'
            and e.detail like '%' || c.id || '%'
            and cast(e.occurred_at as date) between :from and :to)
        group by c.responsible_unit""", Map.of(), from, to);
  }

  private Map<String, BigDecimal> counted(String sql, Map<String, Object> params, LocalDate from,
      LocalDate to) {
    Map<String, BigDecimal> out = new HashMap<>();
    var spec = jdbc.sql(sql).param("from", from).param("to", to);
    for (var param : params.entrySet()) {
      spec = spec.param(param.getKey(), param.getValue());
    }
    spec.query((rs, n) -> out.put(rs.getString("unit"), BigDecimal.valueOf(rs.getLong("n"))))
        .list();
    return out;
  }

  private static BigDecimal ratio(long part, BigDecimal whole) {
    return whole.signum() == 0 ? null
        : BigDecimal.valueOf(part).divide(whole, 4, RoundingMode.HALF_UP);
  }
}
