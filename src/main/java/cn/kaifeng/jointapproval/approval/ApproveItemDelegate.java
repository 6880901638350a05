package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 事项办结: records the approval and stops the item's clock. */
@Component
public class ApproveItemDelegate implements JavaDelegate {

  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;

  public ApproveItemDelegate(ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger) {
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    String opinion = (String) execution.getVariable("opinion");
    var today = ChinaTime.today();
    var stored = items.get(item.projectCode(), item.itemCode());
    items.approve(item.projectCode(), item.itemCode(), opinion, today);
    var clock = deadlines.close(stored.deadlineId(), today);
    boolean late = today.isAfter(clock.dueOn());
    ledger.record(item.projectCode(), "ITEM_APPROVED", item.itemCode(), item.completedBy(),
        stored.name() + "已办结" + (late ? "（超期，应于 " + clock.dueOn() + " 前办结）" : "")
            + "，用时 " + deadlines.netWorkingDays(clock) + " 个工作日（总计 "
            + deadlines.grossWorkingDays(clock) + " 个工作日" + (clock.pausedDays() > 0
            ? "，补正暂停 " + clock.pausedDays() + " 个工作日不计入" : "") + "）"
            + (opinion == null || opinion.isBlank() ? "" : "。审批意见：" + opinion));
  }
}
