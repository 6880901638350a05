package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.HashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 标记黄灯 / 标记红灯 of a monthly report, like an item's: the light named by the timer's
 * activity (yellow at the warning share of its working days, red once overdue) goes on the
 * request, and the chief service officer is mailed (template {@code investment-report-light}).
 */
@Component
public class MarkReportLightDelegate implements JavaDelegate {

  private final InvestmentRepository repository;
  private final ProjectRepository projects;
  private final Responsibles responsibles;
  private final Notifier notifier;
  private final NotifyProperties mail;
  private final DeadlineService deadlines;

  public MarkReportLightDelegate(InvestmentRepository repository, ProjectRepository projects,
      Responsibles responsibles, Notifier notifier, NotifyProperties mail,
      DeadlineService deadlines) {
    this.deadlines = deadlines;
    this.repository = repository;
    this.projects = projects;
    this.responsibles = responsibles;
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var request = ReportRequestRef.of(execution.getProcessInstanceId(), repository);
    // The light comes from the model (which timer fired), not from a variable a user could set.
    var light = "markReportRed".equals(execution.getCurrentActivityId()) ? Light.RED
        : Light.YELLOW;
    repository.setLight(request.id(), light);
    var project = projects.get(request.projectCode());
    var to = responsibles.officer(project);
    var model = new HashMap<String, Object>();
    model.put("projectName", project.name());
    model.put("projectCode", project.code());
    model.put("reportMonth", request.reportMonth());
    model.put("lightName", light == Light.RED ? "红灯·已超期" : "黄灯·即将到期");
    model.put("dueOn", deadlines.get(request.deadlineId()).dueOn());
    model.put("taskUrl", mail.tasklistUrl());
    notifier.to("investment-report-light", to.groups(), to.users(), model);
  }
}
