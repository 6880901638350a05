/**
 * The groups and users of DOMAIN.md §4 and §7, the roles code refers to, and the standing
 * authorizations of each role, loaded at every start.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {})
package cn.kaifeng.jointapproval.identity;

import org.springframework.modulith.ApplicationModule;
