package cn.kaifeng.jointapproval.approval;

/** Where an approval item stands. */
public enum ItemStatus {
  /** Waiting for its stage to begin. */
  PLANNED,
  /** With its department's approval section. */
  OPEN,
  /** Returned for supplement: waiting for the county's chief service officer; its clock stands. */
  RETURNED,
  /** Flagged as needing several departments: with the joint review platform. */
  COORDINATION,
  /** Approved. */
  APPROVED
}
