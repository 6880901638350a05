/**
 * Matters that need several departments: the joint review platform's coordination and the
 * executive vice mayor's weekly meeting. Owns the matters.
 */
@ApplicationModule(displayName = "Coordination and meeting", allowedDependencies = {"approval", "project", "calendar", "deadline", "identity", "modelsafety", "notify", "trust"})
package cn.kaifeng.jointapproval.escalation;

import org.springframework.modulith.ApplicationModule;
