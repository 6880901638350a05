package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.AlertKind;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.projectview.ProjectList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' node maps: the summary in two grouped queries (projects per leader and node, and
 * those with open findings); one leader's page of projects in four (count, page, then the nodes
 * reached, the plans in force and the open findings of the page's projects).
 */
@Repository
class LeaderMapQuery {

  private static final String OPEN_ALERT = "project_alert a on a.project_code = p.code"
      + " and a.cleared_on is null";

  private final JdbcClient jdbc;

  LeaderMapQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  LeaderMap.Summary summary(BoardReader reader) {
    Map<String, Object> params = new HashMap<>();
    String visible = ProjectList.visibility(reader.asListReader(), params);
    Map<String, Map<String, Long>> byNode = new TreeMap<>();
    jdbc.sql("select p.contracting_leader, p.node, count(*) as n from project p where " + visible
            + " group by p.contracting_leader, p.node")
        .params(params)
        .query(rs -> {
          byNode.computeIfAbsent(rs.getString("contracting_leader"), l -> new LinkedHashMap<>())
              .put(rs.getString("node"), rs.getLong("n"));
        });
    Map<String, Long> lagging = new HashMap<>();
    jdbc.sql("select p.contracting_leader, count(distinct p.code) as n from project p join "
            + OPEN_ALERT + " where " + visible + " group by p.contracting_leader")
        .params(params)
        .query(rs -> {
          lagging.put(rs.getString("contracting_leader"), rs.getLong("n"));
        });
    List<LeaderMap.Leader> leaders = new ArrayList<>();
    byNode.forEach((leader, counts) -> {
      Map<String, Long> ordered = new LinkedHashMap<>();
      for (var node : Node.values()) {
        ordered.put(node.name(), counts.getOrDefault(node.name(), 0L));
      }
      leaders.add(new LeaderMap.Leader(leader,
          ordered.values().stream().mapToLong(Long::longValue).sum(), ordered,
          lagging.getOrDefault(leader, 0L)));
    });
    return new LeaderMap.Summary(ChinaTime.today(), leaders);
  }

  @Transactional(readOnly = true)
  LeaderMap.Projects projects(String leader, BoardReader reader, int page, int size) {
    var today = ChinaTime.today();
    Map<String, Object> params = new HashMap<>();
    String where = " where p.contracting_leader = :leader and "
        + ProjectList.visibility(reader.asListReader(), params);
    params.put("leader", leader);
    long total = jdbc.sql("select count(*) from project p" + where).params(params)
        .query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    record Head(String code, String name, String county, String node, String light) {}
    var heads = jdbc.sql("select p.code, p.name, p.county, p.node, p.light from project p"
            + where + " order by p.county, p.code limit :limit offset :offset")
        .params(params)
        .query((rs, n) -> new Head(rs.getString("code"), rs.getString("name"),
            rs.getString("county"), rs.getString("node"), rs.getString("light")))
        .list();
    var nodes = Arrays.stream(Node.values())
        .map(n -> new LeaderMap.NodeName(n.name(), n.displayName())).toList();
    if (heads.isEmpty()) {
      return new LeaderMap.Projects(leader, today, nodes, List.of(), page, size, total);
    }
    var codes = heads.stream().map(Head::code).toList();
    Map<String, Map<String, LocalDate>> reached = new HashMap<>();
    jdbc.sql("select project_code, node, reached_on from project_node"
            + " where project_code in (:codes)")
        .param("codes", codes)
        .query(rs -> {
          reached.computeIfAbsent(rs.getString("project_code"), c -> new LinkedHashMap<>())
              .put(rs.getString("node"), rs.getObject("reached_on", LocalDate.class));
        });
    var planned = plansInForce(codes, today.getYear());
    Map<String, List<String>> late = new HashMap<>();
    Map<String, List<String>> alertNames = new HashMap<>();
    jdbc.sql("select a.project_code, a.kind, a.node from project_alert a"
            + " where a.cleared_on is null and a.project_code in (:codes) order by a.id")
        .param("codes", codes)
        .query(rs -> {
          String code = rs.getString("project_code");
          if (rs.getString("node") != null) {
            late.computeIfAbsent(code, c -> new ArrayList<>()).add(rs.getString("node"));
          }
          AlertKind.byName(rs.getString("kind")).ifPresent(kind -> alertNames
              .computeIfAbsent(code, c -> new ArrayList<>()).add(kind.displayName()));
        });
    var content = heads.stream().map(h -> {
      var county = County.byCode(h.county()).orElseThrow();
      var node = Node.valueOf(h.node());
      return new LeaderMap.Project(h.code(), h.name(), county.code(), county.displayName(),
          node.name(), node.displayName(), h.light(),
          planned.getOrDefault(h.code(), Map.of()), reached.getOrDefault(h.code(), Map.of()),
          late.getOrDefault(h.code(), List.of()), alertNames.getOrDefault(h.code(), List.of()));
    }).toList();
    return new LeaderMap.Projects(leader, today, nodes, content, page, size, total);
  }

  /**
   * The planned node dates of the plan in force of each project: the latest version of the
   * latest year not after this one (as {@code lifecycle/PlanRepository} reads one project's).
   */
  private Map<String, Map<String, LocalDate>> plansInForce(List<String> codes, int year) {
    record PlanNode(String code, int year, int version, String node, LocalDate on) {}
    var rows = jdbc.sql("""
            select pl.project_code, pl.plan_year, pl.version, pn.node, pn.planned_on
            from project_plan pl join project_plan_node pn on pn.plan_id = pl.id
            where pl.project_code in (:codes) and pl.plan_year <= :year""")
        .param("codes", codes).param("year", year)
        .query((rs, n) -> new PlanNode(rs.getString("project_code"), rs.getInt("plan_year"),
            rs.getInt("version"), rs.getString("node"), rs.getObject("planned_on", LocalDate.class)))
        .list();
    Map<String, Long> latest = new HashMap<>();
    for (var row : rows) {
      latest.merge(row.code(), row.year() * 100_000L + row.version(), Math::max);
    }
    Map<String, Map<String, LocalDate>> planned = new HashMap<>();
    for (var row : rows) {
      if (latest.get(row.code()) == row.year() * 100_000L + row.version()) {
        planned.computeIfAbsent(row.code(), c -> new LinkedHashMap<>()).put(row.node(), row.on());
      }
    }
    return planned;
  }
}
