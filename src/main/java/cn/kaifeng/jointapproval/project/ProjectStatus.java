package cn.kaifeng.jointapproval.project;

/** Where a project stands in joint approval. */
public enum ProjectStatus {
  /** Registered before land delisting (谋划, 在谈, 签约): no joint approval and no clock yet. */
  PREPARING("前期"),
  /** Registered, items under approval. */
  APPROVING("审批中"),
  /** Every item approved: ready to start construction (开工条件具备); the clock runs on. */
  READY_FOR_CONSTRUCTION("具备开工条件"),
  /** Construction actually started (已开工): the project's clock stopped on that day. */
  STARTED("已开工");

  private final String displayName;

  ProjectStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
