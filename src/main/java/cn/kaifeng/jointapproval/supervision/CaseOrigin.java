package cn.kaifeng.jointapproval.supervision;

/** Where a supervision case (督办件) comes from. */
public enum CaseOrigin {
  /** A decision of the city joint review meeting on a matter of one approval item. */
  MEETING_DECISION("市联审联批会议决定"),
  /** The whole project passed its 80/50/30 working-day limit: no matter, no item. */
  PROJECT_OVERRUN("项目超期督办要求"),
  /** A problem of the problem ledger (问题台账) not solved by its deadline: no matter, no item. */
  PROBLEM("问题台账交办事项");

  private final String displayName;

  CaseOrigin(String displayName) {
    this.displayName = displayName;
  }

  /** What forms and mails call the case's decision: 市联审联批会议决定, 项目超期督办要求 or 问题台账交办事项. */
  public String displayName() {
    return displayName;
  }
}
