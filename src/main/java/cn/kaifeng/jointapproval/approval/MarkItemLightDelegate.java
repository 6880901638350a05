package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
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
  private final cn.kaifeng.jointapproval.notify.Notifier notifier;
  private final cn.kaifeng.jointapproval.notify.NotifyProperties mail;

  public MarkItemLightDelegate(ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger, cn.kaifeng.jointapproval.notify.Notifier notifier,
      cn.kaifeng.jointapproval.notify.NotifyProperties mail) {
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
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
    // Yellow to the section; red to the section and the supervision bureau.
    var task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("reviewItem")
        .singleResult();
    var model = new java.util.HashMap<String, Object>();
    model.put("projectName", execution.getVariable("projectName"));
    model.put("projectCode", item.projectCode());
    model.put("itemName", stored.name());
    model.put("departmentName", execution.getVariable("departmentName"));
    model.put("dueOn", clock.dueOn());
    model.put("taskUrl", task == null ? mail.tasklistUrl()
        : mail.tasklistUrl() + "#/?task=" + task.getId());
    notifier.toGroups(light == Light.RED ? "item-red" : "item-yellow",
        light == Light.RED ? java.util.List.of(stored.candidateGroup(), "supervision-bureau")
            : java.util.List.of(stored.candidateGroup()), model);
  }
}
