package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a project's node plan for a year: planned dates of the nodes still ahead when it
 * was set, the year's planned investment (万元), who set it and what it changed.
 */
public record NodePlan(long id, String projectCode, int year, int version,
    BigDecimal plannedInvestment, Map<Node, LocalDate> nodes, String changedBy,
    Instant changedAt, String changes) {

  public NodePlan {
    nodes = Map.copyOf(nodes);
  }
}
