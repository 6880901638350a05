package cn.kaifeng.jointapproval.problem;

/** What the key projects office decides on a problem of the weekly list. */
public enum ProblemDecision {
  ASSIGN("交办"), MERGE("合并"), NOT_A_PROBLEM("不属问题"), REFER_PROVINCE("报省协调机制");

  private final String displayName;

  ProblemDecision(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
