package cn.kaifeng.jointapproval.escalation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A matter of an approval item that needs several departments. Its id is {@code "M-"} and the id of
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
    LocalDate closedOn) {

  private static final String PREFIX = "M-";

  /** The id of the matter a coordination process instance handles. */
  public static String idOf(String coordinationProcessInstanceId) {
    return PREFIX + coordinationProcessInstanceId;
  }

  /** The coordination process instance that handles this matter. */
  public String coordinationProcessInstanceId() {
    return id.substring(PREFIX.length());
  }
}
