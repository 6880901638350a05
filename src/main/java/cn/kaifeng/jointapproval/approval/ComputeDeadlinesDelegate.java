package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.deadline.DeadlineIds;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 计算办理期限: turns the decided track ({@code track}, {@code limitWorkingDays}) and items
 * ({@code requiredItems})
 * into clocks on the working-day calendar: the project's limit from land delisting, and each
 * item's forecast due date, stage after stage (an item of a later stage is planned anew when its
 * stage really opens, see {@link OpenItemDelegate}).
 */
@Component
public class ComputeDeadlinesDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ComputeDeadlinesDelegate.class);
  private static final Pattern ITEM_CODE = Pattern.compile("[a-z0-9-]{1,40}");

  private final ApprovalPlanner planner;
  private final DeadlineService deadlines;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final ProjectLedger ledger;
  private final IdentityCatalog catalog;

  public ComputeDeadlinesDelegate(ApprovalPlanner planner, DeadlineService deadlines,
      ProjectRepository projects, ProjectItemRepository items, ProjectLedger ledger, IdentityCatalog catalog) {
    this.planner = planner;
    this.deadlines = deadlines;
    this.projects = projects;
    this.items = items;
    this.ledger = ledger;
    this.catalog = catalog;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    String code = project.code();
    if (!(execution.getVariable("track") instanceof String trackCode)
        || !(execution.getVariable("limitWorkingDays") instanceof Number limitNumber)) {
      throw new ProcessEngineException("审批通道决策表 approval-track 没有给出 track 和 limitWorkingDays");
    }
    int limit = limitNumber.intValue();
    var required = RequiredItem.fromDecision(
        (List<Map<String, Object>>) execution.getVariable("requiredItems"));
    check(required);
    LocalDate start = project.registration().landDelistedOn();

    // The project's clock belongs to this process instance; each item's to its own, once it opens.
    String projectClock = DeadlineIds.project(code);
    var projectDeadline = deadlines.open(projectClock, execution.getProcessInstanceId(), start, limit);
    projects.setTrack(code, trackCode, limit, projectClock);

    var plan = planner.plan(start, limit, required);
    // The items' clocks, then the items, each in one batch: nineteen rows each, one round trip.
    List<DeadlineService.Opening> clocks = new ArrayList<>();
    List<ProjectItem> planned = new ArrayList<>();
    for (var step : plan) {
      var item = step.item();
      String clock = DeadlineIds.item(code, item.itemCode());
      clocks.add(new DeadlineService.Opening(clock, step.clockStart(), step.promisedDays()));
      planned.add(new ProjectItem(code, item.itemCode(), item.itemName(), item.department(),
          "approval-" + item.department(), item.stage(), step.promisedDays(), clock,
          ItemStatus.PLANNED, Light.GREEN, false, null, null, null));
    }
    deadlines.openAll(clocks);
    items.insertAll(planned);
    ledger.record(code, "PLANNED", null, null,
        "审批通道：" + Tracks.name(trackCode) + "，时限 " + limit + " 个工作日，应于 "
            + projectDeadline.dueOn() + " 前开工" + (projectDeadline.provisional()
            ? "（该年度节假日安排尚未公布，暂按周末计算）" : "") + "；需办理审批事项 " + plan.size()
            + " 项");
  }

  private void check(List<RequiredItem> required) {
    if (required.isEmpty()) {
      throw new ProcessEngineException("审批事项决策表 approval-items 没有给出任何事项");
    }
    Set<String> seen = new HashSet<>();
    for (var item : required) {
      String problem = null;
      if (!ITEM_CODE.matcher(item.itemCode()).matches()) {
        problem = "事项代码须为小写字母、数字和“-”";
      } else if (!seen.add(item.itemCode())) {
        problem = "事项重复";
      } else if (!catalog.isGroup("approval-" + item.department())) {
        problem = "未知的审批部门 " + item.department();
      } else if (item.stage() < 1 || item.stage() > 3) {
        problem = "阶段须为 1–3";
      } else if (item.promisedDays() < 1) {
        problem = "承诺时限须至少 1 个工作日";
      }
      if (problem != null) {
        throw new ProcessEngineException(
            "审批事项决策表 approval-items 有误（" + item.itemCode() + "）：" + problem);
      }
    }
  }
}
