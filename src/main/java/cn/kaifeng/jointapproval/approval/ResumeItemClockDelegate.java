package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineCalculator;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 恢复计时: the supplement is in. The item's due date moves back by the working days it stood
 * still, the project's by the days on which any of its items stood still, and the item goes back
 * to the same approval section with the light its moved clock shows.
 */
@Component
public class ResumeItemClockDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final ItemPauseRepository pauses;
  private final DeadlineService deadlines;
  private final DeadlineCalculator calculator;
  private final ProjectLedger ledger;

  public ResumeItemClockDelegate(ProjectRepository projects, ProjectItemRepository items, ItemPauseRepository pauses,
      DeadlineService deadlines, DeadlineCalculator calculator, ProjectLedger ledger) {
    this.projects = projects;
    this.items = items;
    this.pauses = pauses;
    this.deadlines = deadlines;
    this.calculator = calculator;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    var today = ChinaTime.today();
    projects.lock(item.projectCode());
    var project = projects.get(item.projectCode());
    var stored = items.get(item.projectCode(), item.itemCode());
    var pausedOn = pauses.end(item.projectCode(), item.itemCode(), today);
    int paused = calculator.pausedWorkingDays(
        java.util.List.of(new DeadlineCalculator.Pause(pausedOn, today)));
    var clock = deadlines.pause(stored.deadlineId(), pausedOn, today);
    deadlines.setPausedDays(project.deadlineId(),
        calculator.mergedPausedWorkingDays(pauses.finished(item.projectCode())));
    items.setStatus(item.projectCode(), item.itemCode(), ItemStatus.OPEN);
    items.setLight(item.projectCode(), item.itemCode(), Light.of(clock, today));
    execution.setVariable("dueOn", clock.dueOn().toString());
    String note = (String) execution.getVariable("supplementNote");
    ledger.record(item.projectCode(), "ITEM_RESUBMITTED", item.itemCode(), item.completedBy(),
        stored.name() + "补正材料已提交，恢复计时；暂停 " + paused + " 个工作日，办理期限顺延至 "
            + clock.dueOn() + (note == null || note.isBlank() ? "" : "。补正说明：" + note));
  }
}
