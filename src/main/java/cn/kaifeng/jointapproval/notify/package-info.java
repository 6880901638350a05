/**
 * E-mail: templates, an outbox table sent by one engine job per transaction after commit,
 * retries, the mail history's purge, and the daily digest.
 */
@ApplicationModule(displayName = "Notifications",
    allowedDependencies = {"calendar", "modelsafety", "database"})
package cn.kaifeng.jointapproval.notify;

import org.springframework.modulith.ApplicationModule;
