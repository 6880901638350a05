package cn.kaifeng.jointapproval.report;

/** A ranked unit: its group id ({@code county-<code>} or {@code approval-<code>}) and name. */
public record ReportUnit(String group, String name, Audience audience) {

  /** The code after the group's prefix (the county or department code the tables use). */
  public String code() {
    return group.substring(group.indexOf('-') + 1);
  }
}
