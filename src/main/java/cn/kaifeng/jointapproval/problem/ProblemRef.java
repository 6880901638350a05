package cn.kaifeng.jointapproval.problem;

import org.camunda.bpm.engine.ProcessEngineException;

/** The problem a step of {@code problem} works on: the row bound to its own instance. */
final class ProblemRef {

  private ProblemRef() {}

  static Problem of(String processInstanceId, ProblemRepository problems) {
    return problems.ofProcessInstance(processInstanceId).orElseThrow(
        () -> new ProcessEngineException("流程实例 " + processInstanceId + " 没有登记的问题"));
  }
}
