package cn.kaifeng.jointapproval.approval;

/**
 * Published when a ready project waited {@code waitedWorkingDays} for its construction start and
 * has not started (应开未开): the module that keeps the project's alerts raises one.
 */
public record ConstructionStartOverdue(String projectCode, java.time.LocalDate readyOn,
    int waitedWorkingDays) {}
