package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 准备办理: what the unit's task, form and mails show (display only, no step reads it back): the
 * responsible unit, the deadline and the due date, from the ledger.
 */
@Component
public class PrepareProblemWorkDelegate implements JavaDelegate {

  private final ProblemRepository problems;
  private final DeadlineService deadlines;
  private final ProblemUnits units;

  public PrepareProblemWorkDelegate(ProblemRepository problems, DeadlineService deadlines,
      ProblemUnits units) {
    this.problems = problems;
    this.deadlines = deadlines;
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    execution.setVariable("responsibleUnitName", units.name(problem.responsibleUnit()));
    execution.setVariable("deadlineDays", problem.deadlineDays());
    execution.setVariable("dueOn", deadlines.get(problem.deadlineId()).dueOn().toString());
    execution.setVariable("description", problem.description());
  }
}
