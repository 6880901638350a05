package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The project a step of the {@code joint-approval} process works on: the one the ledger registered
 * with this process instance. Neither a variable nor the business key decides it.
 */
final class ProjectRef {

  private ProjectRef() {}

  static Project of(DelegateExecution execution, ProjectRepository projects) {
    String processInstanceId = execution.getProcessInstanceId();
    return projects.ofProcessInstance(processInstanceId).orElseThrow(
        () -> new ProcessEngineException("流程实例 " + processInstanceId + " 没有登记的项目"));
  }
}
