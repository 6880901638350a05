package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录落实报告: the responsible unit reported; the bureau verifies next. */
@Component
public class RecordReportDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final ProjectLedger ledger;

  public RecordReportDelegate(SupervisionCaseRepository cases, ProjectLedger ledger) {
    this.cases = cases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution, cases);
    String report = (String) execution.getVariable("report");
    cases.report(ref.caseId(), report);
    ledger.record(ref.projectCode(), "CASE_REPORTED", ref.itemCode(), ref.completedBy(),
        "督办件 " + ref.caseId() + " 落实情况报告：" + report);
  }
}
