package cn.kaifeng.jointapproval.approval;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The item a step of the {@code approval-item} process works on, and who last acted on it. */
record ItemRef(String projectCode, String itemCode, String completedBy) {

  static ItemRef of(VariableScope scope) {
    return new ItemRef((String) scope.getVariable("projectCode"),
        (String) scope.getVariable("itemCode"), (String) scope.getVariable("completedBy"));
  }
}
