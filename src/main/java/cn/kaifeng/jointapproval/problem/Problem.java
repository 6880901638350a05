package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.Light;
import java.time.Instant;
import java.time.LocalDate;

/** A problem of the ledger (问题台账). */
public record Problem(String id, String projectCode, ProblemCategory category, String description,
    ProblemLevel level, String proposedUnit, ProblemStatus status, String responsibleUnit,
    Integer deadlineDays, String deadlineId, Light light, String mergedInto, String report,
    LocalDate closedOn, Integer workingDaysTaken, String caseId, String raisedBy,
    Instant raisedAt, String processInstanceId) {

  /** How tasks, mails and the weekly list name it. */
  public String title() {
    return "问题 " + id + "（" + category.displayName() + "）";
  }
}
