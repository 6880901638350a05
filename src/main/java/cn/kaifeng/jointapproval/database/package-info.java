/**
 * Makes the process engine wait for Liquibase, which owns every table, Camunda's included.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package cn.kaifeng.jointapproval.database;

import org.springframework.modulith.ApplicationModule;
