package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.approval.ApprovalProperties;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.escalation.MatterRepository;
import cn.kaifeng.jointapproval.escalation.MatterStage;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记督办件: a meeting decision becomes a case with its deadline in working days, for the
 * responsible unit to carry out and the supervision bureau to follow.
 */
@Component
public class OpenCaseDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final MatterRepository matters;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ApprovalProperties approval;
  private final Map<String, String> groupNames;

  public OpenCaseDelegate(SupervisionCaseRepository cases, MatterRepository matters,
      ProjectRepository projects, ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger, ApprovalProperties approval, IdentityCatalog catalog) {
    this.cases = cases;
    this.matters = matters;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.approval = approval;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution);
    String caseId = "C-" + execution.getProcessInstanceId();
    String unit = (String) execution.getVariable("responsibleUnit");
    String decision = (String) execution.getVariable("decision");
    int days = ((Number) execution.getVariable("deadlineDays")).intValue();
    String clock = "case:" + caseId;
    var deadline = deadlines.open(clock, ChinaTime.today(), days, approval.warnShare());
    cases.insert(caseId, ref.matterId(), ref.projectCode(), ref.itemCode(), decision, unit, clock,
        ClockUtil.getCurrentTime().toInstant());
    matters.setStage(ref.matterId(), MatterStage.SUPERVISION);
    var project = projects.get(ref.projectCode());
    var item = items.get(ref.projectCode(), ref.itemCode());
    execution.setVariable("caseId", caseId);
    execution.setVariable("deadlineId", clock);
    execution.setVariable("dueOn", deadline.dueOn().toString());
    execution.setVariable("projectName", project.name());
    execution.setVariable("itemName", item.name());
    execution.setVariable("responsibleUnitName", groupNames.getOrDefault(unit, unit));
    execution.setVariable("overdueMarked", false);
    ledger.record(ref.projectCode(), "CASE_OPENED", ref.itemCode(), null,
        "督办件 " + caseId + "：" + groupNames.getOrDefault(unit, unit) + "应于 " + deadline.dueOn()
            + " 前落实会议决定（" + decision + "），市委市政府督查局跟踪督办");
  }
}
