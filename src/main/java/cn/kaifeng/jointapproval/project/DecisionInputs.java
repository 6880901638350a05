package cn.kaifeng.jointapproval.project;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The variables the registration's decisions (approval-track, approval-items) read, set from the
 * validated registration, never from what was submitted. They are transient: the decisions run in
 * the registration's own transaction, the ledger keeps the facts and the decision history keeps
 * the inputs each decision saw, so storing them again as process variables (a runtime row, a
 * history row and a detail each) served nobody. Only the project's code and name are stored, by
 * which people find the instance in Cockpit. A variable that a start from Tasklist's form already
 * stored stays stored: Camunda refuses to turn a stored variable into a transient one.
 */
final class DecisionInputs {

  static final Set<String> STORED = Set.of("projectCode", "projectName");

  private DecisionInputs() {}

  static void set(DelegateExecution execution, ProjectRegistration registration) {
    registration.processVariables().forEach((name, value) -> {
      var current = execution.getVariableTyped(name);
      boolean stored = STORED.contains(name) || current != null && !current.isTransient();
      execution.setVariable(name, Variables.untypedValue(value, !stored));
    });
  }
}
