package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 标记应开未开: ready for {@code start-expected-within-days} working days and not started. The
 * project turns yellow (unless already red) and {@link ConstructionStartOverdue} is published: the
 * project's alerts (project_alert) raise 应开未开 once, write its history line and mail it.
 */
@Component
public class MarkStartOverdueDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final ApplicationEventPublisher events;
  private final ConstructionStart constructionStart;

  public MarkStartOverdueDelegate(ProjectRepository projects, ApplicationEventPublisher events,
      ConstructionStart constructionStart) {
    this.projects = projects;
    this.events = events;
    this.constructionStart = constructionStart;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    if (project.status() != ProjectStatus.READY_FOR_CONSTRUCTION) {
      return;
    }
    if (project.light().atLeast(Light.YELLOW) != project.light()) {
      projects.setLight(project.code(), Light.YELLOW);
    }
    events.publishEvent(new ConstructionStartOverdue(project.code(), project.completedOn(),
        constructionStart.expectedWithinDays()));
  }
}
