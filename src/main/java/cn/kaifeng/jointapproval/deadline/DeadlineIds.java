package cn.kaifeng.jointapproval.deadline;

/** The one place that names clocks: what each kind of clock's id looks like. */
public final class DeadlineIds {

  private DeadlineIds() {
  }

  /** The project's 80/50/30 working-day limit. */
  public static String project(String projectCode) {
    return "project:" + projectCode;
  }

  /** An approval item's promised working days. */
  public static String item(String projectCode, String itemCode) {
    return "item:" + projectCode + ":" + itemCode;
  }

  /** The joint review platform's time for a matter. */
  public static String matter(String matterId) {
    return "matter:" + matterId;
  }

  /** The deadline of a supervision case (a meeting decision to carry out). */
  public static String supervisionCase(String caseId) {
    return "case:" + caseId;
  }

  /** A project's monthly investment report for a month (YYYY-MM). */
  public static String investmentReport(String projectCode, String month) {
    return "investment:" + projectCode + ":" + month;
  }

  /** The deadline a problem of the problem ledger was assigned with (周交办). */
  public static String problem(String problemId) {
    return "problem:" + problemId;
  }
}
