package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which nodes a project has reached, from the ledger: its recorded nodes (project_node), its
 * furthest node (project.node) and the facts the approval process keeps on the project itself
 * (land delisting, readiness, the construction start), whichever records a node first.
 */
@Repository
public class NodeFacts {

  private final JdbcClient jdbc;

  public NodeFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ReachedNodes of(String projectCode) {
    Map<Node, LocalDate> dates = new EnumMap<>(Node.class);
    Node[] furthest = {null};
    jdbc.sql("""
        select node, land_delisted_on, completed_on, started_on, status from project
        where code = :code""")
        .param("code", projectCode)
        .query(rs -> {
          furthest[0] = Node.byName(rs.getString("node")).orElse(null);
          put(dates, Node.LANDED, rs.getObject("land_delisted_on", LocalDate.class));
          put(dates, Node.READY, rs.getObject("completed_on", LocalDate.class));
          if ("STARTED".equals(rs.getString("status"))) {
            put(dates, Node.STARTED, rs.getObject("started_on", LocalDate.class));
          }
        });
    jdbc.sql("select node, reached_on from project_node where project_code = :code")
        .param("code", projectCode)
        .query(rs -> {
          var on = rs.getObject("reached_on", LocalDate.class);
          Node.byName(rs.getString("node")).ifPresent(node -> dates.put(node, on));
        });
    Node last = furthest[0];
    for (Node node : dates.keySet()) {
      if (last == null || node.ordinal() > last.ordinal()) {
        last = node;
      }
    }
    return new ReachedNodes(last, dates);
  }

  /** Every project's code. */
  public java.util.List<String> allProjects() {
    return jdbc.sql("select code from project order by code").query(String.class).list();
  }

  /** Codes of the projects whose furthest node is one of {@code nodes}. */
  public java.util.List<String> projectsAt(java.util.Collection<Node> nodes) {
    return jdbc.sql("select code from project where node in (:nodes) order by code")
        .param("nodes", nodes.stream().map(Node::name).toList())
        .query(String.class).list();
  }

  /** Codes of the projects a city leader contracts (their user id in the ledger). */
  public java.util.List<String> projectsOfLeader(String userId) {
    return jdbc.sql("select code from project where contracting_leader = :id order by code")
        .param("id", userId).query(String.class).list();
  }

  private static void put(Map<Node, LocalDate> dates, Node node, LocalDate on) {
    if (on != null) {
      dates.put(node, on);
    }
  }
}
