/**
 * The monthly report, ranking and evaluation (单月通报 · 月排名 · 考评奖惩, DOMAIN.md §8.5): figures
 * per county and department read from the ledger's tables, points from the evaluation-score DMN
 * table, review and publication by the key projects office, distribution (page, workbook, mail)
 * and the statements of the units ranked last.
 */
@ApplicationModule(displayName = "Monthly report", allowedDependencies = {"project", "escalation",
    "calendar", "deadline", "identity", "modelsafety", "notify", "trust", "web"})
package cn.kaifeng.jointapproval.report;

import org.springframework.modulith.ApplicationModule;
