package cn.kaifeng.jointapproval.escalation;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The matter a step works on, and who last completed a task on it. */
record MatterRef(String matterId, String projectCode, String itemCode, String completedBy) {

  static MatterRef of(VariableScope scope) {
    return new MatterRef((String) scope.getVariable("matterId"),
        (String) scope.getVariable("projectCode"), (String) scope.getVariable("itemCode"),
        (String) scope.getVariable("completedBy"));
  }
}
