package cn.kaifeng.jointapproval.problem;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 移交督查: an overdue problem becomes a supervision case (origin {@code PROBLEM}), once; the
 * supervision process's first step confirms it against the ledger ({@link ProblemCaseSubjects}).
 * Overdue again after a send-back, it already has its case: nothing more.
 */
@Component
public class EscalateOverdueProblemDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(EscalateOverdueProblemDelegate.class);

  private final ProblemRepository problems;
  private final RuntimeService runtimeService;

  public EscalateOverdueProblemDelegate(ProblemRepository problems,
      RuntimeService runtimeService) {
    this.problems = problems;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    problems.lock(problem.id());
    if (problems.find(problem.id()).orElseThrow().caseId() != null) {
      log.info("Problem {} is overdue again; it has its supervision case already", problem.id());
      return;
    }
    runtimeService.startProcessInstanceByKey("supervision", problem.projectCode(),
        Map.of("problemId", problem.id()));
  }
}
