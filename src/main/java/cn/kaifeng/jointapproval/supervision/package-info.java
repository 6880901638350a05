/**
 * Supervision cases (督查督办) for every meeting decision: reports, verification, overdue cases and
 * accountability proposals, and their API. Owns the cases.
 */
@ApplicationModule(displayName = "Supervision", allowedDependencies = {"escalation", "approval", "project", "calendar", "deadline", "identity", "modelsafety", "web"})
package cn.kaifeng.jointapproval.supervision;

import org.springframework.modulith.ApplicationModule;
