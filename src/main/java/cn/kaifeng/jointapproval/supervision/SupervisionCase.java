package cn.kaifeng.jointapproval.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A meeting decision under supervision. */
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
    LocalDate closedOn) {}
