package cn.kaifeng.jointapproval.escalation;

import java.time.Instant;
import java.time.LocalDate;

/** A matter of an approval item that needs several departments. */
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
    Instant openedAt,
    LocalDate closedOn) {}
