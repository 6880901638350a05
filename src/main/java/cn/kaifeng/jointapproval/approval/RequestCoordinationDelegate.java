package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提请协调: the section flagged that the item needs several departments (DOMAIN.md §5.4). */
@Component
public class RequestCoordinationDelegate implements JavaDelegate {

  private final ProjectItemRepository items;
  private final ProjectLedger ledger;

  public RequestCoordinationDelegate(ProjectItemRepository items, ProjectLedger ledger) {
    this.items = items;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    var stored = items.get(item.projectCode(), item.itemCode());
    String opinion = (String) execution.getVariable("opinion");
    // ReviewOutcomeListener refused the outcome if the item was in an open matter already.
    if (!items.enterMatter(item.projectCode(), item.itemCode())) {
      throw new org.camunda.bpm.engine.ProcessEngineException(
          stored.name() + "已在协调中，不能再次提请协调");
    }
    items.setStatus(item.projectCode(), item.itemCode(), ItemStatus.COORDINATION);
    items.setOpinion(item.projectCode(), item.itemCode(), opinion);
    ledger.record(item.projectCode(), "COORDINATION_REQUESTED", item.itemCode(),
        item.completedBy(), stored.name() + "需多部门协调，提交跨部门联审联批平台：" + opinion);
  }
}
