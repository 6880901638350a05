package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 项目超期督办: the joint approval's project passed its whole limit (timer 项目超期, during the
 * approvals or while waiting for the start). Once per project: the key projects office and the
 * supervision bureau are mailed (template {@code project-overrun}) and one supervision case opens
 * for each responsible unit ({@link ProjectOverrun}: the county, and each section whose item is
 * overdue). The project, the units and whether it is past its limit come from the ledger; the
 * project's row lock and its {@code overrun_escalated_on} make a second firing, on either timer or
 * on another node, do nothing.
 */
@Component
public class EscalateProjectOverrunDelegate implements JavaDelegate {

  public static final String EVENT = "PROJECT_OVERRUN_ESCALATED";
  static final String TEMPLATE = "project-overrun";

  private static final Logger log = LoggerFactory.getLogger(EscalateProjectOverrunDelegate.class);

  private final ProjectRepository projects;
  private final ProjectOverrun overrun;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;
  private final Notifier notifier;
  private final NotifyProperties mail;
  private final SupervisionProperties properties;
  private final Map<String, String> groupNames;

  public EscalateProjectOverrunDelegate(ProjectRepository projects, ProjectOverrun overrun,
      DeadlineService deadlines, ProjectLedger ledger, RuntimeService runtimeService,
      Notifier notifier, NotifyProperties mail, SupervisionProperties properties,
      IdentityCatalog catalog) {
    this.projects = projects;
    this.overrun = overrun;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.notifier = notifier;
    this.mail = mail;
    this.properties = properties;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    var found = projects.ofProcessInstance(processInstanceId).orElseThrow(
        () -> new ProcessEngineException("流程实例 " + processInstanceId + " 没有登记的项目"));
    String code = found.code();
    projects.lock(code);
    var project = projects.get(code);
    if (!overrun.pastLimit(project)) {
      log.info("Project {} is not past its limit (any more): no overrun escalation", code);
      return;
    }
    var today = ChinaTime.today();
    if (!projects.markOverrunEscalated(code, today)) {
      log.info("Project {} past its limit was escalated before: nothing more", code);
      return;
    }
    var clock = deadlines.get(project.deadlineId());
    int used = deadlines.workingDaysUsed(clock);
    var units = overrun.responsibleUnits(project);
    String unitNames = units.stream().map(u -> groupNames.getOrDefault(u, u))
        .collect(Collectors.joining("、"));
    ledger.record(code, EVENT, null, null, "项目超过审批时限：" + Tracks.name(project.track())
        + " " + project.limitWorkingDays() + " 个工作日，应于 " + clock.dueOn() + " 前开工，至今未开工（已用 "
        + used + " 个工作日）；已告知市重点项目办和市委市政府督查局，对" + unitNames + "立督办件，限 "
        + properties.overrunCaseDays() + " 个工作日内落实");
    for (String unit : units) {
      runtimeService.startProcessInstanceByKey("supervision", code,
          Map.of("overrunProjectCode", code, "responsibleUnit", unit));
    }
    var model = new HashMap<String, Object>();
    model.put("projectName", project.name());
    model.put("projectCode", code);
    model.put("countyName", project.county().displayName());
    model.put("trackName", Tracks.name(project.track()));
    model.put("limitWorkingDays", project.limitWorkingDays());
    model.put("projectDueOn", clock.dueOn());
    model.put("workingDaysUsed", used);
    model.put("units", unitNames);
    model.put("caseDays", properties.overrunCaseDays());
    model.put("decision", properties.overrunDecision());
    model.put("taskUrl", mail.tasklistUrl());
    notifier.toGroups(TEMPLATE, List.of(Roles.KEY_PROJECTS_OFFICE, Roles.SUPERVISION_BUREAU),
        model);
  }
}
