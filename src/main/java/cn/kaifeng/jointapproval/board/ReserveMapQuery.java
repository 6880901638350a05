package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.projectview.ProjectList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reserve landing plan map in three queries: nodes reached in the year per county, projects
 * standing at each node now, and the year's targets.
 */
@Repository
class ReserveMapQuery {

  /** The nodes before construction that the counties' landing plans count. */
  static final List<Node> PLAN_NODES = List.of(Node.RESERVE, Node.NEGOTIATING, Node.SIGNED,
      Node.LANDED);

  private final JdbcClient jdbc;
  private final TargetRepository targets;

  ReserveMapQuery(JdbcClient jdbc, TargetRepository targets) {
    this.jdbc = jdbc;
    this.targets = targets;
  }

  @Transactional(readOnly = true)
  ReserveMap map(int year, BoardReader reader) {
    Map<String, Object> params = new HashMap<>();
    String visible = ProjectList.visibility(reader.asListReader(), params);
    params.put("nodes", PLAN_NODES.stream().map(Node::name).toList());
    params.put("from", LocalDate.of(year, 1, 1));
    params.put("to", LocalDate.of(year, 12, 31));
    Map<String, Long> reached = new HashMap<>();
    jdbc.sql("select p.county, n.node, count(*) as c from project p join project_node n"
            + " on n.project_code = p.code where n.node in (:nodes)"
            + " and n.reached_on between :from and :to and " + visible
            + " group by p.county, n.node")
        .params(params)
        .query(rs -> {
          reached.put(rs.getString("county") + "/" + rs.getString("node"), rs.getLong("c"));
        });
    Map<String, Long> current = new HashMap<>();
    jdbc.sql("select p.county, p.node, count(*) as c from project p where p.node in (:nodes)"
            + " and " + visible + " group by p.county, p.node")
        .params(params)
        .query(rs -> {
          current.put(rs.getString("county") + "/" + rs.getString("node"), rs.getLong("c"));
        });
    var yearTargets = targets.ofYear(year);
    List<ReserveMap.CountyRow> rows = new ArrayList<>();
    for (var county : County.values()) {
      boolean own = reader.cityWide() || reader.counties().contains(county);
      List<ReserveMap.Cell> cells = new ArrayList<>();
      boolean any = false;
      for (var node : PLAN_NODES) {
        String key = county.code() + "/" + node.name();
        long r = reached.getOrDefault(key, 0L);
        long c = current.getOrDefault(key, 0L);
        any |= r > 0 || c > 0;
        cells.add(new ReserveMap.Cell(node.name(), r,
            yearTargets.getOrDefault(county.code(), Map.of()).get(node.name()), c));
      }
      // A county sees its own row, the city-wide roles every county; a leader or a section the
      // counties where they have projects.
      if (own || any) {
        rows.add(new ReserveMap.CountyRow(county.code(), county.displayName(), cells));
      }
    }
    return new ReserveMap(year, PLAN_NODES.stream()
        .map(n -> new ReserveMap.NodeName(n.name(), n.displayName())).toList(), rows,
        reader.setsTargets());
  }
}
