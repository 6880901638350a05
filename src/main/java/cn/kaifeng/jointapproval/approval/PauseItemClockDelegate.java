package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 暂停计时: an item returned for supplement (补正) stops counting from today until the county's
 * chief service officer resubmits (DOMAIN.md §5.3).
 */
@Component
public class PauseItemClockDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final ItemPauseRepository pauses;
  private final ProjectLedger ledger;

  public PauseItemClockDelegate(ProjectRepository projects, ProjectItemRepository items, ItemPauseRepository pauses,
      ProjectLedger ledger) {
    this.projects = projects;
    this.items = items;
    this.pauses = pauses;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = ItemRef.of(execution, items);
    String opinion = (String) execution.getVariable("opinion");
    projects.lock(item.projectCode());
    var stored = items.get(item.projectCode(), item.itemCode());
    pauses.start(item.projectCode(), item.itemCode(), ChinaTime.today());
    items.setStatus(item.projectCode(), item.itemCode(), ItemStatus.RETURNED);
    items.setOpinion(item.projectCode(), item.itemCode(), opinion);
    ledger.record(item.projectCode(), "ITEM_RETURNED", item.itemCode(), item.completedBy(),
        stored.name() + "退回补正，暂停计时。需补正：" + opinion);
  }
}
