/**
 * Stored working-day clocks (due, warning and overdue dates, pauses) that processes wait on,
 * recomputed when a calendar year is loaded.
 */
@ApplicationModule(displayName = "Deadlines", allowedDependencies = {"calendar", "modelsafety", "database"})
package cn.kaifeng.jointapproval.deadline;

import org.springframework.modulith.ApplicationModule;
