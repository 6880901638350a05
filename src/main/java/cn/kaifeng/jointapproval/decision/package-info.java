/**
 * How the engine evaluates decision tables: a FEEL engine that parses each expression of a table
 * once instead of on every evaluation.
 */
@ApplicationModule(displayName = "Decisions", allowedDependencies = {})
package cn.kaifeng.jointapproval.decision;

import org.springframework.modulith.ApplicationModule;
