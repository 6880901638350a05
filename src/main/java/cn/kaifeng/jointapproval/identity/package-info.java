/**
 * The groups and users of DOMAIN.md §4 and §7, the roles code refers to, and the standing
 * authorizations of each role, loaded at every start. Uses the database module's per-transaction
 * memory for answers about people.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"database"})
package cn.kaifeng.jointapproval.identity;

import org.springframework.modulith.ApplicationModule;
