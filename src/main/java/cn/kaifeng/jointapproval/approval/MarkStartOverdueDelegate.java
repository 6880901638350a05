package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 标记应开未开: ready for {@code start-expected-within-days} working days and not started. The
 * project turns yellow (unless already red) and its history says so; the view shows the alert
 * 应开未开 while the project is still waiting.
 */
@Component
public class MarkStartOverdueDelegate implements JavaDelegate {

  /** The history event the view reads the alert from. */
  public static final String EVENT = "START_OVERDUE";

  private final ProjectRepository projects;
  private final ProjectLedger ledger;
  private final ConstructionStart constructionStart;

  public MarkStartOverdueDelegate(ProjectRepository projects, ProjectLedger ledger,
      ConstructionStart constructionStart) {
    this.projects = projects;
    this.ledger = ledger;
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
    ledger.record(project.code(), EVENT, null, null, "应开未开：项目于 " + project.completedOn()
        + " 具备开工条件，" + constructionStart.expectedWithinDays() + " 个工作日后仍未开工");
  }
}
