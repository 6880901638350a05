package cn.kaifeng.jointapproval.board;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The leaders' node maps (领导分包节点推进图): each leader's projects by node, and one leader's. */
final class LeaderMap {

  private LeaderMap() {
  }

  /** Every contracting leader whose projects the reader may read, with counts per node. */
  record Summary(LocalDate today, List<Leader> leaders) {}

  /**
   * A leader: projects in all, per furthest node reached, and with an open finding of plan
   * against fact (应开未开, 应竣未竣, 节点滞后).
   */
  record Leader(String leader, long projects, Map<String, Long> byNode, long lagging) {}

  /** One leader's projects, a page of them. */
  record Projects(String leader, LocalDate today, List<NodeName> nodes, List<Project> content,
      int page, int size, long totalElements) {}

  record NodeName(String node, String name) {}

  /**
   * A project with, per node, the planned date (the plan in force) and the date reached;
   * {@code late} the nodes with an open finding.
   */
  record Project(String code, String name, String county, String countyName, String node,
      String nodeName, String light, Map<String, LocalDate> planned,
      Map<String, LocalDate> reached, List<String> late, List<String> alertNames) {}
}
