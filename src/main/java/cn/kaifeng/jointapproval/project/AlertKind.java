package cn.kaifeng.jointapproval.project;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of open findings of plan against fact (table {@code project_alert}, DOMAIN.md §8.1): the
 * codes the lifecycle timer writes and the project list filters on, with what people read.
 */
public enum AlertKind {
  /** 应开未开: the planned start passed, or a ready project not started in time. */
  START_OVERDUE("应开未开"),
  /** 应竣未竣: the planned completion passed. */
  COMPLETION_OVERDUE("应竣未竣"),
  /** A node later than planned by more than the allowed working days. */
  NODE_LATE("节点滞后");

  private final String displayName;

  AlertKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<AlertKind> byName(String value) {
    return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
  }
}
