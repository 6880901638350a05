package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 记录省协调机制答复: the province's answer to a referred problem closes the follow-up. */
@Component
public class RecordProvinceAnswerDelegate implements JavaDelegate {

  private final ProblemRepository problems;
  private final ProjectLedger ledger;

  public RecordProvinceAnswerDelegate(ProblemRepository problems, ProjectLedger ledger) {
    this.problems = problems;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    String answer = String.valueOf(execution.getVariable("provinceAnswer")).strip();
    problems.close(problem.id(), ProblemStatus.ANSWERED, ChinaTime.today(), null);
    String actor = (String) execution.getVariable("completedBy");
    String detail = problem.title() + " 省协调机制答复：" + answer;
    problems.record(problem.id(), "PROVINCE_ANSWERED", actor, detail,
        ClockUtil.getCurrentTime().toInstant());
    ledger.record(problem.projectCode(), "PROBLEM_ANSWERED", null, actor, detail);
  }
}
