package cn.kaifeng.jointapproval.supervision;

/** Where a supervision case (督办件) stands. */
public enum CaseStatus {
  /** The responsible unit is carrying out the decision. */
  IN_PROGRESS("落实中"),
  /** The unit reported; the bureau verifies. */
  REPORTED("待核查"),
  /** Verified as carried out. */
  ACCEPTED("已办结");

  private final String displayName;

  CaseStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
