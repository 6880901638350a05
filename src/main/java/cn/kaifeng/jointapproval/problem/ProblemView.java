package cn.kaifeng.jointapproval.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A problem as the API answers it; {@code history} only on the single problem. */
public record ProblemView(String id, String projectCode, String category, String categoryName,
    String description, String level, String proposedUnit, String status, String statusName,
    String responsibleUnit, Integer deadlineDays, LocalDate dueOn, String light, boolean overdue,
    String mergedInto, String report, LocalDate closedOn, Integer workingDaysTaken,
    String caseId, String raisedBy, Instant raisedAt, List<ProblemRepository.Entry> history) {}
