package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 标记黄灯 / 标记红灯 of a problem, like an item's: the light named by the timer's activity goes
 * on the problem; yellow mails the responsible unit, red the unit and the supervision bureau
 * (template {@code problem-light}).
 */
@Component
public class MarkProblemLightDelegate implements JavaDelegate {

  private final ProblemRepository problems;
  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final ProblemUnits units;
  private final Notifier notifier;
  private final NotifyProperties mail;

  public MarkProblemLightDelegate(ProblemRepository problems, ProjectRepository projects,
      DeadlineService deadlines, ProblemUnits units, Notifier notifier, NotifyProperties mail) {
    this.problems = problems;
    this.projects = projects;
    this.deadlines = deadlines;
    this.units = units;
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    // The light comes from the model (which timer fired), not from a variable.
    var light = "markProblemRed".equals(execution.getCurrentActivityId()) ? Light.RED
        : Light.YELLOW;
    problems.setLight(problem.id(), light);
    var dueOn = deadlines.get(problem.deadlineId()).dueOn();
    problems.record(problem.id(), light == Light.RED ? "RED" : "YELLOW", null,
        light == Light.RED ? "已超过办理期限 " + dueOn : "即将到期（办理期限 " + dueOn + "）",
        ClockUtil.getCurrentTime().toInstant());
    var project = projects.get(problem.projectCode());
    var model = new HashMap<String, Object>();
    model.put("projectName", project.name());
    model.put("projectCode", project.code());
    model.put("problemTitle", problem.title());
    model.put("description", problem.description());
    model.put("responsibleUnitName", units.name(problem.responsibleUnit()));
    model.put("lightName", light == Light.RED ? "红灯·已超期" : "黄灯·即将到期");
    model.put("dueOn", dueOn);
    model.put("taskUrl", mail.tasklistUrl());
    var groups = light == Light.RED
        ? List.of(problem.responsibleUnit(), Roles.SUPERVISION_BUREAU)
        : List.of(problem.responsibleUnit());
    notifier.toGroups("problem-light", groups, model);
  }
}
