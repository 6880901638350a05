package cn.kaifeng.jointapproval.problem;

/** What a problem is about (DOMAIN.md §8.3). */
public enum ProblemCategory {
  PERMITS("前期手续"), LAND("用地"), ENERGY("能耗"), FUNDS("资金"), SITE("施工环境"), OTHER("其他");

  private final String displayName;

  ProblemCategory(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
