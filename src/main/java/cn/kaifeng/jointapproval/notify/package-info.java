/**
 * E-mail: templates, queueing as send-mail processes after commit, retries, and the daily digest.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"calendar", "modelsafety"})
package cn.kaifeng.jointapproval.notify;

import org.springframework.modulith.ApplicationModule;
