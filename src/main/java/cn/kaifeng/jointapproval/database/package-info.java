/**
 * Makes the process engine wait for Liquibase, which owns every table, Camunda's included, and
 * spares it work on what it never stores (transient lists and maps are not serialized).
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package cn.kaifeng.jointapproval.database;

import org.springframework.modulith.ApplicationModule;
