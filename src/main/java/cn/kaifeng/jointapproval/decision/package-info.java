/**
 * How the engine evaluates decision tables and what it remembers of them: a FEEL engine that
 * parses each expression of a table once instead of on every evaluation, and a decision history
 * that does not store again the outputs a matched rule states as literals.
 */
@ApplicationModule(displayName = "Decisions", allowedDependencies = {})
package cn.kaifeng.jointapproval.decision;

import org.springframework.modulith.ApplicationModule;
