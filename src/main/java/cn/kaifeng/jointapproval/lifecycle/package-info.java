/**
 * A project's life after registration as the city manages it (DOMAIN.md §8.1, §8.2): yearly node
 * plans with their history, the daily alerts of plan against fact (应开未开, 应竣未竣, late nodes),
 * the monthly investment reports and the leaders' weekly report. Owns project_plan, project_alert
 * and the investment tables; reads the project record, its nodes and its approval items.
 */
@ApplicationModule(displayName = "Project lifecycle", allowedDependencies = {"project", "approval", "problem", "calendar", "deadline", "identity", "modelsafety", "notify", "trust", "web"})
package cn.kaifeng.jointapproval.lifecycle;

import org.springframework.modulith.ApplicationModule;
