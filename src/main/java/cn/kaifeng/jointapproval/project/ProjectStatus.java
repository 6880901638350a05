package cn.kaifeng.jointapproval.project;

/** Where a project stands in joint approval. */
public enum ProjectStatus {
  /** Registered, items under approval. */
  APPROVING,
  /** Every item approved: ready to start construction (开工条件具备). */
  READY_FOR_CONSTRUCTION
}
