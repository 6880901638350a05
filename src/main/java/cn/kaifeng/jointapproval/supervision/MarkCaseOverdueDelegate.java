package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 标记逾期: the decision was not carried out in time; an accountability proposal follows. */
@Component
public class MarkCaseOverdueDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;

  public MarkCaseOverdueDelegate(SupervisionCaseRepository cases, DeadlineService deadlines,
      ProjectLedger ledger) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution, cases);
    var dueOn = deadlines.get(cases.get(ref.caseId()).deadlineId()).dueOn();
    cases.markOverdue(ref.caseId());
    execution.setVariable("overdueMarked", true);
    ledger.record(ref.projectCode(), "CASE_OVERDUE", ref.itemCode(), null,
        "督办件 " + ref.caseId() + " 逾期未落实（应于 " + dueOn
            + " 前落实），提出问责建议");
  }
}
