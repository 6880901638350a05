package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Completing 办理问题 records what the unit did for the instance's problem; the problem waits for
 * the key projects office's acceptance. An empty report refuses the completion (400 naming
 * {@code report}); the task stays open.
 */
@Component
public class RecordProblemReportListener implements TaskListener {

  private final ProblemRepository problems;
  private final IdentityService identityService;

  public RecordProblemReportListener(ProblemRepository problems,
      IdentityService identityService) {
    this.problems = problems;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    var problem = ProblemRef.of(task.getProcessInstanceId(), problems);
    if (!(task.getVariable("report") instanceof String report) || report.isBlank()) {
      throw SubmissionRejectedException.of("report", "请填写办理情况");
    }
    problems.report(problem.id(), report.strip());
    problems.record(problem.id(), "REPORTED", Actors.current(identityService, task.getAssignee()),
        "责任单位报告办理情况：" + report.strip(), ClockUtil.getCurrentTime().toInstant());
  }
}
