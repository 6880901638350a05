package cn.kaifeng.jointapproval.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The matter a step of the {@code coordination} process works on: the one the ledger registered
 * for this process instance, with its project and item, never variables, which whoever completes a
 * task can write. {@code completedBy} is who completed the last task.
 */
record MatterRef(String matterId, String projectCode, String itemCode, String completedBy) {

  static MatterRef of(DelegateExecution execution, MatterRepository matters) {
    var matter = matters.ofCoordination(execution.getProcessInstanceId());
    return new MatterRef(matter.id(), matter.projectCode(), matter.itemCode(),
        (String) execution.getVariable("completedBy"));
  }
}
