package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 验收办结: the key projects office accepted the unit's report. The problem's clock stops today
 * and the problem closes with the working days it took (from assignment to acceptance).
 */
@Component
public class AcceptProblemDelegate implements JavaDelegate {

  private final ProblemRepository problems;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;

  public AcceptProblemDelegate(ProblemRepository problems, DeadlineService deadlines,
      ProjectLedger ledger) {
    this.problems = problems;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    var today = ChinaTime.today();
    var clock = deadlines.close(problem.deadlineId(), today);
    int days = deadlines.workingDaysUsed(clock);
    problems.close(problem.id(), ProblemStatus.CLOSED, today, days);
    String actor = (String) execution.getVariable("completedBy");
    String note = execution.getVariable("reviewNote") instanceof String s && !s.isBlank()
        ? "：" + s.strip() : "";
    String detail = problem.title() + " 验收办结，用时 " + days + " 个工作日" + note;
    problems.record(problem.id(), "CLOSED", actor, detail, ClockUtil.getCurrentTime().toInstant());
    ledger.record(problem.projectCode(), "PROBLEM_CLOSED", null, actor, detail);
  }
}
