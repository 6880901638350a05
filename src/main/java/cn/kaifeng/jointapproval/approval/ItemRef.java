package cn.kaifeng.jointapproval.approval;


import cn.kaifeng.jointapproval.trust.TaskCompleterListener;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The item a step of the {@code approval-item} process works on: the one the ledger bound to this
 * process instance when it opened (see {@link ItemBinding}), never a variable, which whoever
 * completes a task can write. {@code completedBy} is who completed the last task (set by
 * {@link TaskCompleterListener} from the engine's authentication).
 */
record ItemRef(String projectCode, String itemCode, String completedBy) {

  static ItemRef of(DelegateExecution execution, ProjectItemRepository items) {
    String processInstanceId = execution.getProcessInstanceId();
    var item = BoundItems.of(processInstanceId, items).orElseThrow(() -> new ProcessEngineException(
        "流程实例 " + processInstanceId + " 没有绑定审批事项"));
    return new ItemRef(item.projectCode(), item.itemCode(),
        (String) execution.getVariable("completedBy"));
  }
}
