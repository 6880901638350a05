package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.problem.ProblemRepository;
import cn.kaifeng.jointapproval.problem.ProblemStatus;
import cn.kaifeng.jointapproval.project.AlertKind;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.projectview.ProjectList;
import cn.kaifeng.jointapproval.supervision.CaseStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the city overview: one grouped query for projects by county, light and node,
 * one for open alerts, one for overdue cases, and the problem ledger's own count per open status
 * (its reading rules live in {@link ProblemRepository}).
 */
@Repository
class OverviewQuery {

  private static final List<ProblemStatus> OPEN_PROBLEMS = Arrays.stream(ProblemStatus.values())
      .filter(ProblemStatus::open).toList();

  private final JdbcClient jdbc;
  private final ProblemRepository problems;

  OverviewQuery(JdbcClient jdbc, ProblemRepository problems) {
    this.jdbc = jdbc;
    this.problems = problems;
  }

  @Transactional(readOnly = true)
  CityOverview overview(BoardReader reader) {
    var today = ChinaTime.today();
    Map<String, Object> params = new HashMap<>();
    String visible = ProjectList.visibility(reader.asListReader(), params);

    Map<String, Map<String, Long>> lights = new LinkedHashMap<>();
    Map<String, Long> nodes = new HashMap<>();
    jdbc.sql("select p.county, p.light, p.node, count(*) as n from project p where " + visible
            + " group by p.county, p.light, p.node")
        .params(params)
        .query(rs -> {
          long n = rs.getLong("n");
          lights.computeIfAbsent(rs.getString("county"), c -> new HashMap<>())
              .merge(rs.getString("light"), n, Long::sum);
          nodes.merge(rs.getString("node"), n, Long::sum);
        });
    List<CityOverview.CountyRow> counties = new ArrayList<>();
    long total = 0;
    for (var county : County.values()) {
      var byLight = lights.getOrDefault(county.code(), Map.of());
      if (byLight.isEmpty() && !reader.cityWide() && !reader.counties().contains(county)) {
        continue;
      }
      Map<String, Long> row = new LinkedHashMap<>();
      long sum = 0;
      for (var light : Light.values()) {
        long n = byLight.getOrDefault(light.name(), 0L);
        row.put(light.name(), n);
        sum += n;
      }
      total += sum;
      counties.add(new CityOverview.CountyRow(county.code(), county.displayName(), row, sum));
    }
    var nodeCounts = Arrays.stream(Node.values()).map(node -> new CityOverview.Count(node.name(),
        node.displayName(), nodes.getOrDefault(node.name(), 0L))).toList();

    Map<String, Long> alerts = new HashMap<>();
    jdbc.sql("select a.kind, count(distinct p.code) as n from project p join project_alert a"
            + " on a.project_code = p.code and a.cleared_on is null where " + visible
            + " group by a.kind")
        .params(params)
        .query(rs -> {
          alerts.put(rs.getString("kind"), rs.getLong("n"));
        });
    var alertCounts = Arrays.stream(AlertKind.values()).map(kind -> new CityOverview.Count(
        kind.name(), kind.displayName(), alerts.getOrDefault(kind.name(), 0L))).toList();

    var scope = new ProblemRepository.Scope(reader.cityWide(), reader.userId(), reader.groups());
    var problemCounts = OPEN_PROBLEMS.stream().map(status -> new CityOverview.Count(status.name(),
        status.displayName(), problems.count(new ProblemRepository.Filter(null, null, null, null,
            null, status, null), scope, today))).toList();
    long overdueProblems = problems.count(new ProblemRepository.Filter(null, null, null, null,
        null, null, true), scope, today);

    return new CityOverview(today.toString(), counties, nodeCounts, alertCounts, problemCounts,
        overdueProblems, overdueCases(reader, today), total);
  }

  /**
   * Open cases past their deadline or flagged overdue by their timer, by status; a city-wide
   * reader sees all, anybody else the cases their unit carries out (as {@code
   * GET /api/supervision/cases} answers them).
   */
  private List<CityOverview.Count> overdueCases(BoardReader reader, java.time.LocalDate today) {
    Map<String, Object> params = new HashMap<>();
    params.put("today", today);
    String unit = "";
    if (!reader.cityWide()) {
      var groups = new ArrayList<>(reader.groups());
      groups.add("-none-");
      params.put("groups", groups);
      unit = " and c.responsible_unit in (:groups)";
    }
    Map<String, Long> byStatus = new HashMap<>();
    jdbc.sql("select c.status, count(*) as n from supervision_case c join deadline d"
            + " on d.id = c.deadline_id where c.status <> 'ACCEPTED'"
            + " and (c.overdue = true or d.due_on < :today)" + unit + " group by c.status")
        .params(params)
        .query(rs -> {
          byStatus.put(rs.getString("status"), rs.getLong("n"));
        });
    return Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.ACCEPTED)
        .map(s -> new CityOverview.Count(s.name(), s.displayName(),
            byStatus.getOrDefault(s.name(), 0L))).toList();
  }
}
