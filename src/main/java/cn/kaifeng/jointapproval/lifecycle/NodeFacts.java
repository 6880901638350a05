package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which nodes a project has reached, from the ledger: its furthest node (project.node) and the
 * recorded nodes with their dates (project_node). Every step that reaches a node writes both in
 * one transaction (registration, node reports, readiness, the start), and changeset 008 wrote them
 * for projects registered before; one query reads both.
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
        select p.node as furthest, n.node, n.reached_on from project p
        left join project_node n on n.project_code = p.code
        where p.code = :code""")
        .param("code", projectCode)
        .query(rs -> {
          furthest[0] = Node.byName(rs.getString("furthest")).orElse(null);
          var on = rs.getObject("reached_on", LocalDate.class);
          Node.byName(rs.getString("node")).ifPresent(node -> dates.put(node, on));
        });
    return new ReachedNodes(furthest[0], dates);
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
}
