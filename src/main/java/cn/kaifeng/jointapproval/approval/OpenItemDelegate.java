package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.Deadline;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开始办理事项: binds this process instance to its item in the ledger ({@link ItemBinding}) and hands
 * the item to its approval section. Sets what the task and its form show (display only: no step
 * reads them back). An item of a later stage (2 or 3) that opens for the first time gets its clock
 * planned anew: its promised working days from the day its stage really opens. An item whose due
 * date passes the project's limit keeps its promise; the project turns yellow (if green) and the
 * key projects office is mailed, once per project.
 */
@Component
public class OpenItemDelegate implements JavaDelegate {

  private final ItemBinding binding;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final Map<String, String> groupNames;
  private final Notifier notifier;
  private final NotifyProperties mail;

  public OpenItemDelegate(ItemBinding binding, ProjectRepository projects,
      ProjectItemRepository items, DeadlineService deadlines, ProjectLedger ledger,
      IdentityCatalog catalog, Notifier notifier,
      NotifyProperties mail) {
    this.notifier = notifier;
    this.mail = mail;
    this.binding = binding;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The binding has read the project's row already (the caller's project): not read again.
    var bound = binding.bind(execution);
    var item = bound.item();
    var project = bound.project();
    String projectCode = item.projectCode();
    String itemCode = item.itemCode();
    boolean firstOpening = item.status() == ItemStatus.PLANNED;
    if (item.stage() > 1 && firstOpening) {
      // The stage opens today: the promise counts from here, not from the registration's forecast.
      deadlines.restart(item.deadlineId(), ChinaTime.today(), item.promisedDays());
    }
    items.setStatus(projectCode, itemCode, ItemStatus.OPEN);
    var clock = deadlines.get(item.deadlineId());
    if (firstOpening) {
      checkProjectLimit(project, item, clock);
    }

    // Only what a reader shows or searches by: the task name, the forms, the Tasklist columns, the
    // mails, and the item code (Cockpit and task queries find an item's instance by it). Each
    // variable costs four statements (row, history, detail, delete at the end) per item; codes
    // that no reader shows (county, track, section) stay in the ledger.
    execution.setVariable("projectCode", projectCode);
    execution.setVariable("itemCode", itemCode);
    execution.setVariable("projectName", project.name());
    execution.setVariable("countyName", project.county().displayName());
    execution.setVariable("trackName", Tracks.name(project.track()));
    execution.setVariable("itemName", item.name());
    execution.setVariable("departmentName",
        groupNames.getOrDefault(item.candidateGroup(), item.department()));
    execution.setVariable("dueOn", clock.dueOn().toString());
    execution.setVariable("promisedDays", item.promisedDays());

    ledger.record(projectCode, "ITEM_OPENED", itemCode, null,
        item.name() + "交" + groupNames.getOrDefault(item.candidateGroup(), item.department())
            + "办理，承诺 " + item.promisedDays() + " 个工作日，应于 " + clock.dueOn() + " 前办结");
  }

  /**
   * An item whose due date passes the project's limit: the item keeps its promise, the project
   * turns yellow if it was green, and the key projects office hears of it once per project.
   */
  private void checkProjectLimit(Project project, ProjectItem item, Deadline clock) {
    var projectClock = deadlines.get(project.deadlineId());
    if (!clock.dueOn().isAfter(projectClock.dueOn())) {
      return;
    }
    String code = project.code();
    projects.lock(code); // sibling items of a stage may open at the same moment
    boolean alreadyNotified = ledger.of(code).stream()
        .anyMatch(entry -> PAST_LIMIT.equals(entry.event()));
    ledger.record(code, PAST_LIMIT, item.itemCode(), null,
        item.name() + "自本阶段开始承诺 " + item.promisedDays() + " 个工作日，应于 " + clock.dueOn()
            + " 前办结，晚于项目时限 " + projectClock.dueOn() + "；事项仍按承诺时限办理"
            + (alreadyNotified ? "" : "，已告知市重点项目办"));
    var current = projects.get(code);
    if (current.light() == Light.GREEN) {
      projects.setLight(code, Light.YELLOW);
      ledger.record(code, "PROJECT_YELLOW", null, null, "项目进入黄灯预警：审批事项" + item.name()
          + "的办理期限晚于项目时限 " + projectClock.dueOn());
    }
    if (!alreadyNotified) {
      var model = new HashMap<String, Object>();
      model.put("projectName", project.name());
      model.put("projectCode", code);
      model.put("itemName", item.name());
      model.put("stage", item.stage());
      model.put("promisedDays", item.promisedDays());
      model.put("dueOn", clock.dueOn());
      model.put("projectDueOn", projectClock.dueOn());
      model.put("limitWorkingDays", project.limitWorkingDays());
      model.put("taskUrl", mail.tasklistUrl());
      notifier.toGroups("item-past-limit", List.of(Roles.KEY_PROJECTS_OFFICE), model);
    }
  }

  static final String PAST_LIMIT = "ITEM_PAST_LIMIT";
}
