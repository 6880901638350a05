package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineIds;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.escalation.MatterRepository;
import cn.kaifeng.jointapproval.escalation.MatterStage;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记督办件: a decision becomes a case with its deadline in working days, for the responsible unit
 * to carry out and the supervision bureau to follow. Two starts are accepted, each only as far as
 * the ledger confirms it:
 *
 * <ul>
 *   <li>{@code matterId}: a matter the ledger shows as just decided by the meeting and without a
 *       case; decision, responsible unit, deadline, project and item come from the matter's record;
 *   <li>{@code overrunProjectCode} and {@code responsibleUnit}: a project the ledger shows as past
 *       its limit and escalated ({@link EscalateProjectOverrunDelegate}), a unit the ledger makes
 *       responsible for it ({@link ProjectOverrun}) and no overrun case for that unit yet (checked
 *       under the project's row lock); decision and deadline come from configuration
 *       ({@link SupervisionProperties}).
 *   <li>{@code problemId}: a problem the problem ledger ({@link CaseSubjects}) confirms as overdue
 *       and without a case; project, what to do, responsible unit and deadline (working days)
 *       come from that ledger.
 * </ul>
 */
@Component
public class OpenCaseDelegate implements JavaDelegate {

  /** What a case is about, as the ledger confirmed it; no matter and no item for an overrun. */
  private record Subject(CaseOrigin origin, String matterId, String projectCode, String itemCode,
      String itemName, String decision, String unit, int deadlineDays) {}

  /** What an overrun case's task, form and mails call its subject (it has no item). */
  static final String OVERRUN_SUBJECT = "项目超期";

  private final SupervisionCaseRepository cases;
  private final MatterRepository matters;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ProjectOverrun overrun;
  private final SupervisionProperties properties;
  private final Map<String, String> groupNames;
  private final List<CaseSubjects> sources;

  public OpenCaseDelegate(SupervisionCaseRepository cases, MatterRepository matters,
      ProjectRepository projects, ProjectItemRepository items, DeadlineService deadlines,
      ProjectLedger ledger, ProjectOverrun overrun, SupervisionProperties properties,
      IdentityCatalog catalog, List<CaseSubjects> sources) {
    this.sources = sources;
    this.cases = cases;
    this.matters = matters;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.overrun = overrun;
    this.properties = properties;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    var subject = execution.getVariable("matterId") != null ? decidedMatter(execution)
        : execution.getVariable("problemId") != null ? overdueProblem(execution)
        : overrunUnit(execution);
    String caseId = SupervisionCase.idOf(execution.getProcessInstanceId());
    String unit = subject.unit();
    String clock = DeadlineIds.supervisionCase(caseId);
    var deadline = deadlines.open(clock, execution.getProcessInstanceId(), ChinaTime.today(),
        subject.deadlineDays());
    cases.insert(caseId, subject.origin(), subject.matterId(), subject.projectCode(),
        subject.itemCode(), subject.decision(), unit, clock,
        ClockUtil.getCurrentTime().toInstant());
    if (subject.matterId() != null) {
      matters.setStage(subject.matterId(), MatterStage.SUPERVISION);
    }
    if (subject.origin() == CaseOrigin.PROBLEM) {
      source(CaseOrigin.PROBLEM).caseOpened((String) execution.getVariable("problemId"), caseId);
    }
    var project = projects.get(subject.projectCode());
    String unitName = groupNames.getOrDefault(unit, unit);
    // What tasks, forms and mails show; no step reads them back.
    execution.setVariable("caseId", caseId);
    execution.setVariable("caseOrigin", subject.origin().name());
    execution.setVariable("decisionSource", subject.origin().displayName());
    execution.setVariable("projectCode", subject.projectCode());
    execution.setVariable("itemCode", subject.itemCode());
    execution.setVariable("decision", subject.decision());
    execution.setVariable("responsibleUnit", unit);
    execution.setVariable("deadlineDays", subject.deadlineDays());
    execution.setVariable("dueOn", deadline.dueOn().toString());
    execution.setVariable("projectName", project.name());
    execution.setVariable("itemName", subject.itemName());
    execution.setVariable("responsibleUnitName", unitName);
    execution.setVariable("overdueMarked", false);
    ledger.record(subject.projectCode(), "CASE_OPENED", subject.itemCode(), null,
        "督办件 " + caseId + "：" + unitName + "应于 " + deadline.dueOn() + " 前落实"
            + subject.origin().displayName() + "（" + subject.decision() + "），市委市政府督查局跟踪督办");
  }

  private Subject decidedMatter(DelegateExecution execution) {
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
    String subject = matter.subject(code -> items.get(matter.projectCode(), code).name());
    return new Subject(CaseOrigin.MEETING_DECISION, matter.id(), matter.projectCode(),
        matter.itemCode(), subject, matter.decision(), matter.responsibleUnit(),
        matter.deadlineDays());
  }

  private Subject overrunUnit(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    if (!(execution.getVariable("overrunProjectCode") instanceof String code)
        || !(execution.getVariable("responsibleUnit") instanceof String unit)) {
      throw refused(processInstanceId, "没有给出会议决定的协调事项，也没有给出超期项目和责任单位");
    }
    if (projects.find(code).isEmpty()) {
      throw refused(processInstanceId, "项目 " + code + " 不存在");
    }
    // Cases for the same project and unit wait for each other here: one of them finds the other.
    projects.lock(code);
    var project = projects.get(code);
    if (projects.overrunEscalatedOn(code).isEmpty() || !overrun.pastLimit(project)) {
      throw refused(processInstanceId, "项目 " + code + " 没有超过审批时限");
    }
    if (!overrun.responsibleUnits(project).contains(unit)) {
      throw refused(processInstanceId, unit + " 不是项目 " + code + " 超期的责任单位");
    }
    if (cases.exists(code, CaseOrigin.PROJECT_OVERRUN, unit)) {
      throw refused(processInstanceId, "项目 " + code + " 已有 " + unit + " 的超期督办件");
    }
    return new Subject(CaseOrigin.PROJECT_OVERRUN, null, code, null, OVERRUN_SUBJECT,
        properties.overrunDecision(), unit, properties.overrunCaseDays());
  }

  private Subject overdueProblem(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    if (!(execution.getVariable("problemId") instanceof String problemId)) {
      throw refused(processInstanceId, "没有给出问题");
    }
    var problem = source(CaseOrigin.PROBLEM).overdueWithoutCase(problemId).orElseThrow(
        () -> refused(processInstanceId, "问题 " + problemId + " 不存在、未逾期或已有督办件"));
    return new Subject(CaseOrigin.PROBLEM, null, problem.projectCode(), null, problem.title(),
        problem.decision(), problem.responsibleUnit(), problem.deadlineDays());
  }

  private CaseSubjects source(CaseOrigin origin) {
    return sources.stream().filter(s -> s.origin() == origin).findFirst()
        .orElseThrow(() -> new ProcessEngineException("没有" + origin.displayName() + "的来源"));
  }

  private static ProcessEngineException refused(String processInstanceId, String why) {
    return new ProcessEngineException("督查督办流程 " + processInstanceId + " 不能开始：" + why);
  }
}
