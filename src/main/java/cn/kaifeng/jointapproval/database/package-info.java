/**
 * Makes the process engine wait for Liquibase, which owns every table, Camunda's included, and
 * spares it work that changes nothing: transient lists and maps are not serialized, and an insert's
 * id is checked before any refusal message is built.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package cn.kaifeng.jointapproval.database;

import org.springframework.modulith.ApplicationModule;
