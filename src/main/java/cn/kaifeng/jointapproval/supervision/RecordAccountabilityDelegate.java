package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录问责: the accountability proposal, approved or not, goes on record. */
@Component
public class RecordAccountabilityDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final ProjectLedger ledger;

  public RecordAccountabilityDelegate(SupervisionCaseRepository cases, ProjectLedger ledger) {
    this.cases = cases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution, cases);
    String proposal = (String) execution.getVariable("accountabilityProposal");
    boolean approved = "APPROVED".equals(execution.getVariable("accountabilityDecision"));
    String note = (String) execution.getVariable("accountabilityNote");
    cases.accountability(ref.caseId(), approved ? "APPROVED" : "REJECTED", proposal);
    ledger.record(ref.projectCode(), approved ? "ACCOUNTABILITY_APPROVED"
            : "ACCOUNTABILITY_REJECTED", ref.itemCode(), ref.completedBy(),
        "督办件 " + ref.caseId() + " 问责建议" + (approved ? "经审批同意，予以记录：" : "未获同意：")
            + proposal + (note == null || note.isBlank() ? "" : "（审批意见：" + note + "）"));
  }
}
