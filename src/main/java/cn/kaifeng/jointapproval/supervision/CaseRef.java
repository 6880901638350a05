package cn.kaifeng.jointapproval.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The case a step of the {@code supervision} process works on: the one the ledger registered for
 * this process instance, with its matter, project and item, never variables, which whoever
 * completes a task can write. {@code completedBy} is who completed the last task.
 */
record CaseRef(String caseId, String matterId, String projectCode, String itemCode,
    String completedBy) {

  static CaseRef of(DelegateExecution execution, SupervisionCaseRepository cases) {
    var supervisionCase = cases.ofProcessInstance(execution.getProcessInstanceId());
    return new CaseRef(supervisionCase.id(), supervisionCase.matterId(),
        supervisionCase.projectCode(), supervisionCase.itemCode(),
        (String) execution.getVariable("completedBy"));
  }
}
