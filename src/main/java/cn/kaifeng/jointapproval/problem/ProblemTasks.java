package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What {@code problem}'s model asks the ledger ({@code problemTasks}): the responsible unit of
 * the instance's problem, and its status to route on after the weekly assignment.
 */
@Component("problemTasks")
@ModelExpressionBean
public class ProblemTasks {

  private final ProblemRepository problems;

  public ProblemTasks(ProblemRepository problems) {
    this.problems = problems;
  }

  public String unit(DelegateExecution execution) {
    return ProblemRef.of(execution.getProcessInstanceId(), problems).responsibleUnit();
  }

  public String status(DelegateExecution execution) {
    return ProblemRef.of(execution.getProcessInstanceId(), problems).status().name();
  }
}
