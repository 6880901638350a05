package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The ledger's answer to "is this project past its 80/50/30 limit, and who answers for it": the
 * one rule that both the escalation ({@link EscalateProjectOverrunDelegate}) and the opening of
 * each case ({@link OpenCaseDelegate}) apply.
 */
@Component
public class ProjectOverrun {

  private final DeadlineService deadlines;
  private final ProjectItemRepository items;

  public ProjectOverrun(DeadlineService deadlines, ProjectItemRepository items) {
    this.deadlines = deadlines;
    this.items = items;
  }

  /**
   * Not started and its clock's due date (pauses for supplement already added) lies before today,
   * Beijing time: the project needs more working days than its limit allows.
   */
  public boolean pastLimit(Project project) {
    if (project.deadlineId() == null || project.status() == ProjectStatus.STARTED) {
      return false;
    }
    var clock = deadlines.get(project.deadlineId());
    return clock.open() && ChinaTime.today().isAfter(clock.dueOn());
  }

  /**
   * Who answers for the overrun: the project's county ({@code county-<code>}) first, then the
   * approval section of each item that is itself overdue (red) and not yet approved; in that order.
   */
  public Set<String> responsibleUnits(Project project) {
    var units = new LinkedHashSet<String>();
    units.add(project.county().group());
    items.ofProject(project.code()).stream()
        .filter(item -> item.light() == Light.RED && item.status() != ItemStatus.APPROVED
            && item.status() != ItemStatus.PLANNED)
        .forEach(item -> units.add(item.candidateGroup()));
    return units;
  }
}
