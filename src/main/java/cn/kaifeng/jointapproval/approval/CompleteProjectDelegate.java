package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectNodes;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录审批用时: every item is approved, the project is ready to start construction. Records the
 * approval working days used so far, pauses excluded, against the limit. The project's clock keeps
 * running: it stops when construction starts ({@link RecordStartDelegate}), the figure the monthly
 * evaluation ranks (DOMAIN.md §1, 2019 §4(一) "从土地摘牌到开工建设").
 */
@Component
public class CompleteProjectDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ProjectNodes nodes;

  public CompleteProjectDelegate(ProjectRepository projects, DeadlineService deadlines,
      ProjectLedger ledger, ProjectNodes nodes) {
    this.nodes = nodes;
    this.projects = projects;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    String code = project.code();
    var today = ChinaTime.today();
    var clock = deadlines.get(project.deadlineId());
    int used = deadlines.workingDaysUsed(clock);
    projects.complete(code, today);
    nodes.reached(code, Node.READY, today, null, "全部审批事项办结，审批用时 " + used + " 个工作日");
    execution.setVariable("workingDaysUsed", used);
    int limit = project.limitWorkingDays();
    ledger.record(code, "READY_FOR_CONSTRUCTION", null, null,
        "全部审批事项办结，具备开工条件。审批用时 " + used + " 个工作日（" + Tracks.name(project.track())
            + "时限 " + limit + " 个工作日，" + (used <= limit ? "按时完成" : "超出 " + (used - limit)
            + " 个工作日") + (clock.pausedDays() > 0 ? "；补正暂停 " + clock.pausedDays()
            + " 个工作日不计入" : "") + "）");
  }
}
