package cn.kaifeng.jointapproval.escalation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A matter of an approval item that needs several departments, or an overdue problem of the
 * problem ledger that the key projects office brings to the meeting ({@code problemId}, no item,
 * no coordination), or a unit ranked last two months in a row that the monthly report brings to it
 * ({@code unit}, no project). Its id is {@code "M-"} and the id of
 * the coordination process instance that handles it; {@code decision}, {@code responsibleUnit} and
 * {@code deadlineDays} are what the meeting decided for its supervision case.
 */
public record Matter(
    String id,
    String projectCode,
    String itemCode,
    String origin,
    String reason,
    MatterStage stage,
    String resolution,
    String coordinationDeadlineId,
    String coordinationNote,
    Instant escalatedAt,
    String meetingId,
    LocalDate meetingOn,
    String decision,
    String responsibleUnit,
    Integer deadlineDays,
    Instant openedAt,
    LocalDate closedOn,
    String problemId,
    String unit) {

  private static final String PREFIX = "M-";

  /** The id of the matter a coordination process instance handles. */
  public static String idOf(String coordinationProcessInstanceId) {
    return PREFIX + coordinationProcessInstanceId;
  }

  /** The id of the matter that brings a problem of the problem ledger to the meeting. */
  public static String ofProblem(String problemId) {
    return PREFIX + problemId;
  }

  /** How agenda, minutes and cases name what the matter is about: its item, or its problem. */
  public String subject(java.util.function.Function<String, String> itemName) {
    return itemCode == null ? "问题 " + problemId : itemName.apply(itemCode);
  }

  /** The id of the matter that brings a unit ranked last twice running to the meeting. */
  public static String ofRanking(String period, String unit) {
    return PREFIX + "R-" + period + "-" + unit;
  }

  /** A matter about a unit (the monthly ranking), not about a project. */
  public boolean aboutUnit() {
    return projectCode == null;
  }

  /** The coordination process instance that handles this matter (none for a problem's). */
  public String coordinationProcessInstanceId() {
    return id.substring(PREFIX.length());
  }
}
