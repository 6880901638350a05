package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.approval.ApprovalProperties;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记协调事项: records the matter and starts the platform's own working-day limit
 * ({@code jointapproval.escalation.coordination-limit-days}, default 3).
 */
@Component
public class OpenMatterDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final EscalationProperties properties;
  private final ApprovalProperties approval;

  public OpenMatterDelegate(MatterRepository matters, DeadlineService deadlines,
      ProjectLedger ledger, EscalationProperties properties, ApprovalProperties approval) {
    this.matters = matters;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.properties = properties;
    this.approval = approval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String projectCode = (String) execution.getVariable("projectCode");
    String itemCode = (String) execution.getVariable("itemCode");
    String origin = (String) execution.getVariable("origin");
    String reason = (String) execution.getVariable("coordinationReason");
    // The process instance id is unique and short enough; it also finds the process again.
    String matterId = "M-" + execution.getProcessInstanceId();
    String clock = "matter:" + matterId;
    var deadline = deadlines.open(clock, ChinaTime.today(), properties.coordinationLimitDays(),
        approval.warnShare());
    matters.insert(matterId, projectCode, itemCode, origin, reason, clock,
        ClockUtil.getCurrentTime().toInstant());
    execution.setVariable("matterId", matterId);
    execution.setVariable("deadlineId", clock);
    execution.setVariable("coordinationDueOn", deadline.dueOn().toString());
    ledger.record(projectCode, "MATTER_OPENED", itemCode, null,
        "跨部门联审联批平台受理协调事项 " + matterId + "，应于 " + deadline.dueOn() + " 前协调完毕。"
            + (reason == null ? "" : reason));
  }
}
