package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 项目黄灯 / 项目超期: a timer on the project's whole limit fired (input parameter {@code light}),
 * on the approvals or on 等待开工. Raises the light only (red stays red) and writes one history line
 * per change.
 */
@Component
public class MarkProjectLightDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;

  public MarkProjectLightDelegate(ProjectRepository projects, DeadlineService deadlines,
      ProjectLedger ledger) {
    this.projects = projects;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    String code = project.code();
    var light = Light.valueOf((String) execution.getVariable("light"));
    if (!projects.raiseLight(code, light)) {
      return; // already this light or a worse one: a light never goes back
    }
    var clock = deadlines.get(project.deadlineId());
    ledger.record(code, "PROJECT_" + light.name(), null, null, light == Light.RED
        ? "项目超过 " + project.limitWorkingDays() + " 个工作日时限（应于 " + clock.dueOn() + " 前开工）"
        : "项目进入黄灯预警，应于 " + clock.dueOn() + " 前开工");
  }
}
