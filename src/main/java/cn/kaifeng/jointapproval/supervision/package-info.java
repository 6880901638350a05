/**
 * Supervision cases (督查督办) for every meeting decision and for every project past its
 * 80/50/30 limit (the county and the overdue sections; the escalation mails the key projects
 * office and the bureau): reports, verification, overdue cases and accountability proposals, and
 * their API. Owns the cases.
 */
@ApplicationModule(displayName = "Supervision", allowedDependencies = {"escalation", "approval", "project", "calendar", "deadline", "identity", "modelsafety", "notify", "web"})
package cn.kaifeng.jointapproval.supervision;

import org.springframework.modulith.ApplicationModule;
