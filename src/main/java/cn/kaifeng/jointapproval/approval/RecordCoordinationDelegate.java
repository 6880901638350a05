package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.ItemStatus;
import cn.kaifeng.jointapproval.project.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录协调结果: the platform recorded what it did; an item that waited for coordination goes back
 * to its approval section.
 */
@Component
public class RecordCoordinationDelegate implements JavaDelegate {

  private final ProjectItemRepository items;
  private final ProjectLedger ledger;

  public RecordCoordinationDelegate(ProjectItemRepository items, ProjectLedger ledger) {
    this.items = items;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution);
    var stored = items.get(item.projectCode(), item.itemCode());
    if (stored.status() == ItemStatus.COORDINATION) {
      items.setStatus(item.projectCode(), item.itemCode(), ItemStatus.OPEN);
    }
    ledger.record(item.projectCode(), "COORDINATED", item.itemCode(), item.completedBy(),
        stored.name() + "协调完毕：" + execution.getVariable("coordinationNote")
            + (stored.status() == ItemStatus.COORDINATION ? "；退回原审批科室继续办理" : ""));
  }
}
