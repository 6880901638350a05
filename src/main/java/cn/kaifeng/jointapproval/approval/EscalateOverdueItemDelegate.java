package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 超期自动提请协调: an item overdue for the configured number of working days goes to the joint
 * review platform by itself (DOMAIN.md §5.7); the section keeps working on it meanwhile. The
 * gateway before it asked the ledger ({@link ItemEscalation#due}): never while the item is in an
 * open matter, and after it comes back only once a fresh grace period has run out.
 */
@Component
public class EscalateOverdueItemDelegate implements JavaDelegate {

  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ApprovalProperties properties;

  public EscalateOverdueItemDelegate(ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger, ApprovalProperties properties) {
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    var stored = items.get(item.projectCode(), item.itemCode());
    if (!items.enterMatter(item.projectCode(), item.itemCode())) {
      throw new org.camunda.bpm.engine.ProcessEngineException(
          stored.name() + "已在协调中，不再重复提请");
    }
    items.markEscalated(item.projectCode(), item.itemCode());
    var clock = deadlines.get(stored.deadlineId());
    ledger.record(item.projectCode(), "ITEM_ESCALATED", item.itemCode(), null,
        stored.name() + "应于 " + clock.dueOn() + " 办结，已超期 "
            + properties.escalateAfterOverdueDays() + " 个工作日，自动提请跨部门联审联批平台协调");
  }
}
