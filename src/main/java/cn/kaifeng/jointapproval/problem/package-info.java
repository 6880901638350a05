/**
 * The problem ledger (问题台账) and the weekly assignment (周交办), DOMAIN.md §8.3: raising a problem
 * for a project, the key projects office's weekly list and its assignment sheet (交办单), the
 * responsible unit's work on a problem with its working-day clock, acceptance, province referral,
 * and an overdue problem's supervision case.
 */
@ApplicationModule(displayName = "Problem ledger", allowedDependencies = {"project", "approval", "escalation",
    "supervision", "calendar", "deadline", "identity", "modelsafety", "notify", "trust", "web"})
package cn.kaifeng.jointapproval.problem;

import org.springframework.modulith.ApplicationModule;
