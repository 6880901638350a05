package cn.kaifeng.jointapproval.problem;

/** The level that must solve a problem. */
public enum ProblemLevel {
  COUNTY("县级"), CITY("市级"), PROVINCE("省级");

  private final String displayName;

  ProblemLevel(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
