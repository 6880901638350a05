package cn.kaifeng.jointapproval.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The request a step of {@code investment-report} works on: the row bound to its own process
 * instance id, never a variable.
 */
final class ReportRequestRef {

  private ReportRequestRef() {}

  static InvestmentRepository.Request of(String processInstanceId,
      InvestmentRepository repository) {
    return repository.requestOf(processInstanceId).orElseThrow(() -> new ProcessEngineException(
        "流程实例 " + processInstanceId + " 没有登记的月度投资填报"));
  }
}
