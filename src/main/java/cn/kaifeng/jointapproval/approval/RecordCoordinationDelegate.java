package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 协调完毕: the matter is settled (by the platform, or by a meeting decision carried out); an
 * item that waited for it goes back to its approval section. The item leaves its matter today: the
 * overdue escalation counts a fresh grace period from here ({@link ItemEscalation}).
 */
@Component
public class RecordCoordinationDelegate implements JavaDelegate {

  private final ProjectItemRepository items;
  private final ProjectLedger ledger;
  private final ApprovalProperties properties;

  public RecordCoordinationDelegate(ProjectItemRepository items, ProjectLedger ledger,
      ApprovalProperties properties) {
    this.properties = properties;
    this.items = items;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    var stored = items.get(item.projectCode(), item.itemCode());
    if (stored.status() == ItemStatus.COORDINATION) {
      items.setStatus(item.projectCode(), item.itemCode(), ItemStatus.OPEN);
    }
    items.leaveMatter(item.projectCode(), item.itemCode(),
        cn.kaifeng.jointapproval.calendar.ChinaTime.today());
    ledger.record(item.projectCode(), "COORDINATED", item.itemCode(), null,
        stored.name() + "的协调事项已办结" + (stored.status() == ItemStatus.COORDINATION
            ? "，回到原审批科室继续办理" : "") + "；如仍超期，自今日起重新计算 "
            + properties.escalateAfterOverdueDays() + " 个工作日后再提请协调");
  }
}
