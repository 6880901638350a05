package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开始办理事项: binds this process instance to its item in the ledger ({@link ItemBinding}) and hands
 * the item to its approval section. Sets what the task and its form show (display only: no step
 * reads them back); an item of a later stage first moves its clock by the working days the project
 * stood still before the stage began, as its planned start moved with them.
 */
@Component
public class OpenItemDelegate implements JavaDelegate {

  private final ItemBinding binding;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ApprovalProperties properties;
  private final Map<String, String> groupNames;

  public OpenItemDelegate(ItemBinding binding, ProjectRepository projects,
      ProjectItemRepository items, DeadlineService deadlines, ProjectLedger ledger,
      ApprovalProperties properties, IdentityCatalog catalog) {
    this.binding = binding;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.properties = properties;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    var item = binding.bind(execution);
    String projectCode = item.projectCode();
    String itemCode = item.itemCode();
    var project = projects.get(projectCode);
    if (item.stage() > 1) {
      int projectPaused = deadlines.get(project.deadlineId()).pausedDays();
      if (projectPaused > 0) {
        deadlines.addPausedDays(item.deadlineId(), projectPaused);
      }
    }
    items.setStatus(projectCode, itemCode, ItemStatus.OPEN);
    var clock = deadlines.get(item.deadlineId());

    execution.setVariable("projectCode", projectCode);
    execution.setVariable("itemCode", itemCode);
    execution.setVariable("projectName", project.name());
    execution.setVariable("county", project.county().code());
    execution.setVariable("countyName", project.county().displayName());
    execution.setVariable("track", project.track());
    execution.setVariable("trackName", Tracks.name(project.track()));
    execution.setVariable("itemName", item.name());
    execution.setVariable("department", item.department());
    execution.setVariable("departmentName",
        groupNames.getOrDefault(item.candidateGroup(), item.department()));
    execution.setVariable("candidateGroup", item.candidateGroup());
    execution.setVariable("dueOn", clock.dueOn().toString());
    execution.setVariable("promisedDays", item.promisedDays());
    execution.setVariable("escalateAfterDays", properties.escalateAfterOverdueDays());
    execution.setVariable("autoEscalated", false);

    ledger.record(projectCode, "ITEM_OPENED", itemCode, null,
        item.name() + "交" + groupNames.getOrDefault(item.candidateGroup(), item.department())
            + "办理，承诺 " + item.promisedDays() + " 个工作日，应于 " + clock.dueOn() + " 前办结");
  }
}
