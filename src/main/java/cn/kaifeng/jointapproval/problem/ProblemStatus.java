package cn.kaifeng.jointapproval.problem;

/** Where a problem stands. */
public enum ProblemStatus {
  /** Raised, waiting for the weekly assignment. */
  NEW("待交办", true),
  /** Assigned to a responsible unit with a deadline; the unit works on it. */
  ASSIGNED("办理中", true),
  /** The unit reported; the key projects office verifies. */
  REPORTED("待验收", true),
  /** Accepted: solved. */
  CLOSED("已办结", false),
  /** Merged into another problem. */
  MERGED("已合并", false),
  /** Closed by the office as not a problem. */
  REJECTED("不属问题", false),
  /** Referred to the provincial coordination mechanism, waiting for its answer. */
  REFERRED("已报省协调机制", true),
  /** The province answered. */
  ANSWERED("省协调机制已答复", false);

  private final String displayName;
  private final boolean open;

  ProblemStatus(String displayName, boolean open) {
    this.displayName = displayName;
    this.open = open;
  }

  public String displayName() {
    return displayName;
  }

  public boolean open() {
    return open;
  }
}
