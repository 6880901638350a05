package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.deadline.Deadline;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision under supervision: a meeting's on a matter of one item, or the supervision of a
 * project past its limit ({@link CaseOrigin#PROJECT_OVERRUN}: no matter, no item, one case per
 * responsible unit). Its id is {@code "C-"} and the id of the supervision process instance that
 * follows it.
 */
public record SupervisionCase(
    String id,
    String matterId,
    String projectCode,
    String itemCode,
    String decision,
    String responsibleUnit,
    String deadlineId,
    CaseStatus status,
    String report,
    String verificationNote,
    boolean overdue,
    String accountability,
    String accountabilityProposal,
    Instant openedAt,
    LocalDate closedOn,
    CaseOrigin origin) {

  /** The id of the case a supervision process instance follows. */
  public static String idOf(String supervisionProcessInstanceId) {
    return "C-" + supervisionProcessInstanceId;
  }

  /**
   * Overdue: flagged by its timer, or past its clock's due date and not yet accepted. The one rule
   * every list and view of cases uses.
   */
  public boolean overdueOn(LocalDate today, Deadline clock) {
    return overdue || (status != CaseStatus.ACCEPTED && today.isAfter(clock.dueOn()));
  }
}
