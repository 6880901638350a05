package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 标记黄灯 / 标记红灯: a timer of an open item fired; the input parameter {@code light} says which.
 * A light only goes up (a late yellow timer does not turn a red item yellow).
 */
@Component
public class MarkItemLightDelegate implements JavaDelegate {

  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;

  public MarkItemLightDelegate(ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger) {
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution);
    var light = Light.valueOf((String) execution.getVariable("light"));
    var stored = items.get(item.projectCode(), item.itemCode());
    if (stored.light().atLeast(light) == stored.light()) {
      return;
    }
    items.setLight(item.projectCode(), item.itemCode(), light);
    var clock = deadlines.get(stored.deadlineId());
    ledger.record(item.projectCode(), "ITEM_" + light.name(), item.itemCode(), null,
        stored.name() + (light == Light.RED ? "已超期（应于 " + clock.dueOn() + " 前办结）"
            : "进入黄灯预警，应于 " + clock.dueOn() + " 前办结"));
  }
}
