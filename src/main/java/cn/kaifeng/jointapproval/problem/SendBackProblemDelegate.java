package cn.kaifeng.jointapproval.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 退回重新办理: the key projects office did not accept the report; the problem goes back to its
 * unit with the reason, on the same clock.
 */
@Component
public class SendBackProblemDelegate implements JavaDelegate {

  private final ProblemRepository problems;

  public SendBackProblemDelegate(ProblemRepository problems) {
    this.problems = problems;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    problems.setStatus(problem.id(), ProblemStatus.ASSIGNED);
    String reason = String.valueOf(execution.getVariable("reviewNote")).strip();
    execution.setVariable("sendBackReason", reason);
    problems.record(problem.id(), "SENT_BACK", (String) execution.getVariable("completedBy"),
        "市重点办退回重新办理：" + reason, ClockUtil.getCurrentTime().toInstant());
  }
}
