/**
 * The joint approval process and its approval items (审批事项): tracks, planning, item clocks, pauses
 * for supplement, lights and overdue escalation, readiness and the recorded construction start. Owns
 * the items and their pauses.
 */
@ApplicationModule(displayName = "Joint approval", allowedDependencies = {"project", "calendar", "deadline", "identity", "modelsafety", "notify", "trust", "web", "database"})
package cn.kaifeng.jointapproval.approval;

import org.springframework.modulith.ApplicationModule;
