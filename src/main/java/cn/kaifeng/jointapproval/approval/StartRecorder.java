package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectNodes;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Stops a project's clock on the construction start the ledger holds and stores the working days
 * used from land delisting, pauses excluded, against the limit; writes the node and the history.
 * Used by 记录开工 in the process, and directly for a project whose instance no longer waits
 * (one that became ready before the clock counted to the start, when readiness ended the process).
 */
@Component
public class StartRecorder {

  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ProjectNodes nodes;

  public StartRecorder(ProjectRepository projects, DeadlineService deadlines,
      ProjectLedger ledger, ProjectNodes nodes) {
    this.nodes = nodes;
    this.projects = projects;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  /** Records the start; answers the net working days used. */
  public int record(Project project) {
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
    int limit = project.limitWorkingDays();
    ledger.record(project.code(), "STARTED", null, project.startedBy(),
        "项目于 " + on + " 开工建设。从土地摘牌到开工用时 " + net + " 个工作日（" + Tracks.name(project.track())
            + "时限 " + limit + " 个工作日，" + (net <= limit ? "按时开工" : "超出 " + (net - limit)
            + " 个工作日") + "；总计 " + gross + " 个工作日" + (clock.pausedDays() > 0
            ? "，补正暂停 " + clock.pausedDays() + " 个工作日不计入" : "") + "）");
    return net;
  }
}
