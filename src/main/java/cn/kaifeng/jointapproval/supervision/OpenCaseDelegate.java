package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineIds;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.escalation.Matter;
import cn.kaifeng.jointapproval.escalation.MatterRepository;
import cn.kaifeng.jointapproval.escalation.MatterStage;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记督办件: a meeting decision becomes a case with its deadline in working days, for the
 * responsible unit to carry out and the supervision bureau to follow. The only start variable it
 * reads is {@code matterId}, and only for a matter the ledger shows as just decided and without a
 * case; decision, responsible unit, deadline, project and item come from the matter's record.
 */
@Component
public class OpenCaseDelegate implements JavaDelegate {

  private final SupervisionCaseRepository cases;
  private final MatterRepository matters;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final Map<String, String> groupNames;

  public OpenCaseDelegate(SupervisionCaseRepository cases, MatterRepository matters,
      ProjectRepository projects, ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger, IdentityCatalog catalog) {
    this.cases = cases;
    this.matters = matters;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    var matter = decidedMatter(execution);
    String caseId = SupervisionCase.idOf(execution.getProcessInstanceId());
    String unit = matter.responsibleUnit();
    String decision = matter.decision();
    String clock = DeadlineIds.supervisionCase(caseId);
    var deadline = deadlines.open(clock, execution.getProcessInstanceId(), ChinaTime.today(),
        matter.deadlineDays());
    cases.insert(caseId, matter.id(), matter.projectCode(), matter.itemCode(), decision, unit,
        clock, ClockUtil.getCurrentTime().toInstant());
    matters.setStage(matter.id(), MatterStage.SUPERVISION);
    var project = projects.get(matter.projectCode());
    var item = items.get(matter.projectCode(), matter.itemCode());
    // What tasks, forms and mails show; no step reads them back.
    execution.setVariable("caseId", caseId);
    execution.setVariable("projectCode", matter.projectCode());
    execution.setVariable("itemCode", matter.itemCode());
    execution.setVariable("decision", decision);
    execution.setVariable("responsibleUnit", unit);
    execution.setVariable("deadlineDays", matter.deadlineDays());
    execution.setVariable("dueOn", deadline.dueOn().toString());
    execution.setVariable("projectName", project.name());
    execution.setVariable("itemName", item.name());
    execution.setVariable("responsibleUnitName", groupNames.getOrDefault(unit, unit));
    execution.setVariable("overdueMarked", false);
    ledger.record(matter.projectCode(), "CASE_OPENED", matter.itemCode(), null,
        "督办件 " + caseId + "：" + groupNames.getOrDefault(unit, unit) + "应于 " + deadline.dueOn()
            + " 前落实会议决定（" + decision + "），市委市政府督查局跟踪督办");
  }

  private Matter decidedMatter(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    if (!(execution.getVariable("matterId") instanceof String matterId)) {
      throw refused(processInstanceId, "没有给出协调事项");
    }
    var matter = matters.find(matterId)
        .orElseThrow(() -> refused(processInstanceId, "协调事项 " + matterId + " 不存在"));
    if (matter.stage() != MatterStage.DECIDED || matter.decision() == null
        || matter.responsibleUnit() == null || matter.deadlineDays() == null) {
      throw refused(processInstanceId, "协调事项 " + matterId + " 不是刚由联审联批会议决定的事项（"
          + matter.stage().displayName() + "）");
    }
    if (cases.ofMatter(matterId).isPresent()) {
      throw refused(processInstanceId, "协调事项 " + matterId + " 已有督办件");
    }
    return matter;
  }

  private static ProcessEngineException refused(String processInstanceId, String why) {
    return new ProcessEngineException("督查督办流程 " + processInstanceId + " 不能开始：" + why);
  }
}
