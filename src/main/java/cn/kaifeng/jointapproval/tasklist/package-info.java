/**
 * What officers see in Camunda Tasklist: the shared filters of each role and the project facts
 * shown as task columns.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = {"calendar", "identity", "database"})
package cn.kaifeng.jointapproval.tasklist;

import org.springframework.modulith.ApplicationModule;
