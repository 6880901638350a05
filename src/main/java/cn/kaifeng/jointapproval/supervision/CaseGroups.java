package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who carries out a supervision case, from the ledger: BPMN names the candidates as
 * {@code ${caseGroups.responsibleUnit(execution)}}, the unit the meeting decided on, not a
 * variable that whoever completes a task could write.
 */
@Component("caseGroups")
@ModelExpressionBean
public class CaseGroups {

  private final SupervisionCaseRepository cases;

  public CaseGroups(SupervisionCaseRepository cases) {
    this.cases = cases;
  }

  public String responsibleUnit(DelegateExecution execution) {
    return cases.get(SupervisionCase.idOf(execution.getProcessInstanceId())).responsibleUnit();
  }
}
