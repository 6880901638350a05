package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectNodes;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录开工: construction started on the day the ledger holds ({@link ConstructionStarts} wrote it).
 * Stops the project's clock on that day and stores the working days used from land delisting,
 * pauses excluded, against the limit.
 */
@Component
public class RecordStartDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ProjectNodes nodes;

  public RecordStartDelegate(ProjectRepository projects, DeadlineService deadlines,
      ProjectLedger ledger, ProjectNodes nodes) {
    this.nodes = nodes;
    this.projects = projects;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    var on = project.startedOn();
    if (on == null) {
      throw new ProcessEngineException("项目 " + project.code() + " 没有登记开工日期");
    }
    var clock = deadlines.close(project.deadlineId(), on);
    int net = deadlines.netWorkingDays(clock);
    int gross = deadlines.grossWorkingDays(clock);
    projects.started(project.code(), net);
    nodes.reached(project.code(), Node.STARTED, on, project.startedBy(),
        "从土地摘牌到开工用时 " + net + " 个工作日");
    execution.setVariable("workingDaysUsed", net);
    int limit = project.limitWorkingDays();
    ledger.record(project.code(), "STARTED", null, project.startedBy(),
        "项目于 " + on + " 开工建设。从土地摘牌到开工用时 " + net + " 个工作日（" + Tracks.name(project.track())
            + "时限 " + limit + " 个工作日，" + (net <= limit ? "按时开工" : "超出 " + (net - limit)
            + " 个工作日") + "；总计 " + gross + " 个工作日" + (clock.pausedDays() > 0
            ? "，补正暂停 " + clock.pausedDays() + " 个工作日不计入" : "") + "）");
  }
}
