package cn.kaifeng.jointapproval.lifecycle;

/** What a finding of plan against fact is (DOMAIN.md §8.1), as project_alert.kind stores it. */
public enum AlertKind {
  START_OVERDUE("应开未开"),
  COMPLETION_OVERDUE("应竣未竣"),
  NODE_LATE("节点滞后");

  private final String displayName;

  AlertKind(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
