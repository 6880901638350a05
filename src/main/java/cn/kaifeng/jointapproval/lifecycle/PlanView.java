package cn.kaifeng.jointapproval.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan in force as the project page shows it: its year and version, the year's planned
 * investment, each planned node against its fact, and every version of the year's plan.
 */
public record PlanView(int year, int version, BigDecimal plannedInvestment, List<PlannedNode> nodes,
    String changedBy, Instant changedAt, List<Version> history) {

  /** A planned node: {@code reachedOn} once reached, {@code overdue} while its date passed. */
  public record PlannedNode(String node, String nodeName, LocalDate plannedOn, boolean reached,
      LocalDate reachedOn, boolean overdue) {}

  /** One version: who changed what, when. */
  public record Version(int version, String changedBy, Instant changedAt,
      BigDecimal plannedInvestment, String changes) {}
}
