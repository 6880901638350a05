package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineCalculator;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When an overdue item goes to the joint review platform by itself, from the ledger (never from
 * variables): BPMN times the escalation with {@code ${itemEscalation.escalateAt(execution)}} and
 * decides with {@code ${itemEscalation.due(execution)}}. The grace period is
 * {@code jointapproval.approval.escalate-after-overdue-days} working days after the due date, or,
 * once the item has come back from a matter (platform, meeting, supervision), the same number of
 * working days after that return, whichever is later. An item in an open matter is never escalated
 * again.
 */
@Component("itemEscalation")
@ModelExpressionBean
public class ItemEscalation {

  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final DeadlineCalculator calculator;
  private final ApprovalProperties properties;

  public ItemEscalation(ProjectItemRepository items, DeadlineService deadlines,
      DeadlineCalculator calculator, ApprovalProperties properties) {
    this.items = items;
    this.deadlines = deadlines;
    this.calculator = calculator;
    this.properties = properties;
  }

  /** The grace period in working days, for the coordination's reason (a setting, no variable). */
  public int graceDays() {
    return properties.escalateAfterOverdueDays();
  }

  /**
   * The start of the day after the grace period: the later of "overdue for n working days" and
   * "n working days after the item last came back from a matter".
   */
  public Date escalateAt(DelegateExecution execution) {
    int days = properties.escalateAfterOverdueDays();
    Date overdue = deadlines.escalateAt(execution, days);
    var item = ItemRef.of(execution, items);
    return items.escalationRearmedOn(item.projectCode(), item.itemCode())
        .map(on -> ChinaTime.startOf(calculator.dueDate(on, days).plusDays(1)))
        .filter(rearmed -> rearmed.after(overdue))
        .orElse(overdue);
  }

  /**
   * Whether the item is to go to the platform now: with its section (not approved, not waiting
   * for a supplement), in no open matter, and past its grace period.
   */
  public boolean due(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    var stored = items.get(item.projectCode(), item.itemCode());
    return stored.status() == ItemStatus.OPEN
        && !items.inMatter(item.projectCode(), item.itemCode())
        && !org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().before(escalateAt(execution));
  }
}
