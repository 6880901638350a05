package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退回重新落实: the bureau did not accept the report; the unit carries on. */
@Component
public class SendBackCaseDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final ProjectLedger ledger;

  public SendBackCaseDelegate(SupervisionCaseRepository cases, ProjectLedger ledger) {
    this.cases = cases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution, cases);
    String note = (String) execution.getVariable("verificationNote");
    cases.sendBack(ref.caseId(), note);
    ledger.record(ref.projectCode(), "CASE_SENT_BACK", ref.itemCode(), ref.completedBy(),
        "督办件 " + ref.caseId() + " 核查未通过，退回重新落实：" + note);
  }
}
