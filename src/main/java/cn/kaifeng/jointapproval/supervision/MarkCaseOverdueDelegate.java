package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 标记逾期: the decision was not carried out in time; an accountability proposal follows. */
@Component
public class MarkCaseOverdueDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final ProjectLedger ledger;

  public MarkCaseOverdueDelegate(SupervisionCaseRepository cases, ProjectLedger ledger) {
    this.cases = cases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution);
    cases.markOverdue(ref.caseId());
    execution.setVariable("overdueMarked", true);
    ledger.record(ref.projectCode(), "CASE_OVERDUE", ref.itemCode(), null,
        "督办件 " + ref.caseId() + " 逾期未落实（应于 " + execution.getVariable("dueOn")
            + " 前落实），提出问责建议");
  }
}
