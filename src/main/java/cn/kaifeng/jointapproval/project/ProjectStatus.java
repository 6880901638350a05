package cn.kaifeng.jointapproval.project;

/** Where a project stands in joint approval. */
public enum ProjectStatus {
  /** Registered, items under approval. */
  APPROVING,
  /** Every item approved: ready to start construction (开工条件具备); the clock runs on. */
  READY_FOR_CONSTRUCTION,
  /** Construction actually started (已开工): the project's clock stopped on that day. */
  STARTED
}
