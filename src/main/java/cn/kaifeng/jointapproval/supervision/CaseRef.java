package cn.kaifeng.jointapproval.supervision;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The case a step of the supervision process works on. */
record CaseRef(String caseId, String matterId, String projectCode, String itemCode,
    String completedBy) {

  static CaseRef of(VariableScope scope) {
    return new CaseRef((String) scope.getVariable("caseId"),
        (String) scope.getVariable("matterId"), (String) scope.getVariable("projectCode"),
        (String) scope.getVariable("itemCode"), (String) scope.getVariable("completedBy"));
  }
}
