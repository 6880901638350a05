package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.approval.ConstructionStartOverdue;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The joint approval's 应开未开 timer (a ready project not started in time) becomes the same
 * alert as the daily run's, in the timer's transaction: one notion of alert.
 */
@Component
public class StartOverdueListener {

  private final ProjectRepository projects;
  private final Findings findings;
  private final Alerts alerts;

  public StartOverdueListener(ProjectRepository projects, Findings findings, Alerts alerts) {
    this.projects = projects;
    this.findings = findings;
    this.alerts = alerts;
  }

  @EventListener
  public void on(ConstructionStartOverdue event) {
    var project = projects.get(event.projectCode());
    alerts.raise(project, findings.readinessFinding(project));
  }
}
