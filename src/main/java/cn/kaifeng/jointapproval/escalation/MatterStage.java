package cn.kaifeng.jointapproval.escalation;

/** Where a matter stands on its way from the platform to the meeting and supervision. */
public enum MatterStage {
  /** With the joint review platform. */
  COORDINATION("协调中"),
  /** Not solved by the platform: on (or waiting for) the agenda of the vice mayor's meeting. */
  ON_AGENDA("待联审联批会议研究"),
  /** The meeting decided; the supervision case is being opened. */
  DECIDED("会议已决定"),
  /** The decision is being carried out under the supervision bureau's follow-up. */
  SUPERVISION("督办中"),
  /** Solved by the platform, carried out, or moot because the item was approved. */
  CLOSED("已办结");

  private final String displayName;

  MatterStage(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
