/**
 * The project record (项目台账): registration, the project's facts, status, light and history. The
 * core every process and view builds on.
 */
@ApplicationModule(displayName = "Project record", allowedDependencies = {"calendar", "deadline", "identity", "trust", "web"})
package cn.kaifeng.jointapproval.project;

import org.springframework.modulith.ApplicationModule;
