/**
 * The project as people read it through /api/projects: its state, items, matters, cases and
 * history, and who may read it. Reads the other modules through their published repositories and
 * records; nothing depends on it.
 */
@ApplicationModule(displayName = "Project view", allowedDependencies = {"project", "approval", "escalation", "supervision", "calendar", "deadline", "identity", "lifecycle", "problem", "web"})
package cn.kaifeng.jointapproval.projectview;

import org.springframework.modulith.ApplicationModule;
