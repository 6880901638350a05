package cn.kaifeng.jointapproval.report;

/** Who is ranked against whom: the counties and districts, the city departments. */
public enum Audience {
  COUNTY("县区"), DEPARTMENT("市直部门");

  private final String label;

  Audience(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
