package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.problem.ProblemViews;








import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectNodes;
import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.Tracks;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.approval.ProjectItem;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.escalation.MatterRepository;
import cn.kaifeng.jointapproval.escalation.MatterStage;
import cn.kaifeng.jointapproval.supervision.CaseStatus;
import cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import java.util.List;
import java.util.function.Predicate;
import cn.kaifeng.jointapproval.problem.Problem;
import java.util.Map;
import cn.kaifeng.jointapproval.lifecycle.Alerts;
import cn.kaifeng.jointapproval.lifecycle.InvestmentViews;
import cn.kaifeng.jointapproval.lifecycle.PlanViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds what {@code GET /api/projects/{code}} answers from the ledger and the clocks. */
@Service
public class ProjectViews {

  private static final Map<ItemStatus, String> ITEM_STATUS_NAMES = Map.of(
      ItemStatus.PLANNED, "待启动",
      ItemStatus.OPEN, "办理中",
      ItemStatus.RETURNED, "退回补正中",
      ItemStatus.COORDINATION, "协调中",
      ItemStatus.APPROVED, "已办结");

  /** What people read for an item's status (办理中, 已办结…). */
  public static String itemStatusName(ItemStatus status) {
    return ITEM_STATUS_NAMES.get(status);
  }

  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final ProjectLedger ledger;
  private final DeadlineService deadlines;
  private final MatterRepository matters;
  private final SupervisionCaseRepository cases;
  private final Map<String, String> groupNames;
  private final Alerts alerts;
  private final PlanViews plans;
  private final InvestmentViews investments;
  private final ProjectNodes nodes;
  private final ProblemViews problems;

  public ProjectViews(ProjectRepository projects, ProjectItemRepository items,
      ProjectLedger ledger, DeadlineService deadlines, MatterRepository matters,
      SupervisionCaseRepository cases, IdentityCatalog catalog, Alerts alerts, PlanViews plans,
      InvestmentViews investments, ProjectNodes nodes, ProblemViews problems) {
    this.problems = problems;
    this.alerts = alerts;
    this.plans = plans;
    this.investments = investments;
    this.nodes = nodes;
    this.matters = matters;
    this.cases = cases;
    this.projects = projects;
    this.items = items;
    this.ledger = ledger;
    this.deadlines = deadlines;
    this.groupNames = catalog.groupNames();
  }

  /** The whole project with every problem: for internal callers, not for a reader's answer. */
  @Transactional(readOnly = true)
  public ProjectView of(String code) {
    return of(code, p -> true);
  }

  /**
   * The project as a reader sees it: only the problems {@code readableProblem} lets through
   * (a project's reader is not necessarily a reader of each of its problems).
   */
  @Transactional(readOnly = true)
  public ProjectView of(String code, Predicate<Problem> readableProblem) {
    var project = projects.get(code);
    var r = project.registration();
    var clock = project.deadlineId() == null ? null : deadlines.get(project.deadlineId());
    Integer used = null;
    Integer left = null;
    Integer gross = null;
    Integer net = null;
    if (clock != null) {
      used = project.workingDaysUsed() != null ? project.workingDaysUsed()
          : deadlines.workingDaysUsed(clock);
      left = project.limitWorkingDays() - used;
      gross = deadlines.grossWorkingDays(clock);
      net = deadlines.netWorkingDays(clock);
    }
    // The project's history repeats each problem's events (PROBLEM_*, naming its id): keep back
    // those of the problems the reader may not read.
    var hidden = problems.hiddenIds(code, readableProblem);
    var history = ledger.of(code).stream().filter(e -> e.event() == null
        || !e.event().startsWith("PROBLEM_") || e.detail() == null
        || hidden.stream().noneMatch(e.detail()::contains)).toList();
    var projectItems = items.ofProject(code);
    // The items' clocks in one read, not one per item (a registration answers with 19 of them).
    var itemClocks = deadlines.getAll(
        projectItems.stream().map(ProjectItem::deadlineId).toList());
    var itemViews = projectItems.stream().map(item -> {
      var itemClock = itemClocks.get(item.deadlineId());
      return new ProjectView.Item(item.itemCode(), item.name(), item.department(),
          groupNames.getOrDefault(item.candidateGroup(), item.department()),
          item.candidateGroup(), item.stage(), Tracks.stageName(item.stage()),
          item.promisedDays(), item.status(), ITEM_STATUS_NAMES.get(item.status()),
          itemClock.dueOn(), itemClock.provisional(), itemClock.pausedDays(),
          deadlines.grossWorkingDays(itemClock), deadlines.netWorkingDays(itemClock), item.light(),
          item.escalated(), item.opinion(), item.completedOn());
    }).toList();
    return new ProjectView(r.code(), r.name(), r.county().code(), r.county().displayName(),
        r.landDelistedOn(), r.freeTradeZone(), r.commitmentSystem(), r.governmentInvested(),
        r.investment(), r.industry(), r.responsibleCadre(), r.chiefServiceOfficer(),
        r.contractingLeader(),
        new ProjectView.Conditions(r.historicArea(), r.forestLand(), r.hazardousGoods(),
            r.civilAirDefence(), r.roadWorks(), r.specialEquipment(), r.annualEnergyTce(),
            r.landAreaHectares()),
        project.track(), Tracks.name(project.track()), project.limitWorkingDays(),
        clock == null ? null : clock.dueOn(), clock != null && clock.provisional(), used, left,
        clock == null ? 0 : clock.pausedDays(), gross, net, project.light(), alerts.open(code),
        project.status(), project.status().displayName(), project.node(),
        project.node().displayName(), project.investor(), project.fortune500(),
        nodes.of(code).stream().map(n -> new ProjectView.NodeEntry(n.node(),
            n.node().displayName(), n.reachedOn(), n.recordedBy(), n.recordedAt(), n.detail()))
            .toList(),
        project.completedOn(),
        project.startedOn(), project.processInstanceId(), project.registeredBy(),
        project.registeredAt(), itemViews, matterViews(code), caseViews(code), history,
        plans.current(code).orElse(null), investments.current(code), problems.ofProject(code, readableProblem));
  }

  private List<ProjectView.Case> caseViews(String code) {
    var today = ChinaTime.today();
    return cases.ofProject(code).stream().map(c -> {
      var clock = deadlines.get(c.deadlineId());
      return new ProjectView.Case(c.id(), c.origin().name(), c.origin().displayName(),
          c.matterId(), c.itemCode(), c.decision(), c.responsibleUnit(),
          groupNames.getOrDefault(c.responsibleUnit(), c.responsibleUnit()), clock.dueOn(),
          c.status().name(), c.status().displayName(), c.overdueOn(today, clock), c.closedOn());
    }).toList();
  }

  private java.util.List<ProjectView.Matter> matterViews(String code) {
    var today = ChinaTime.today();
    return matters.ofProject(code).stream().map(m -> {
      var supervisionCase = cases.ofMatter(m.id()).orElse(null);
      // The deadline that matters now: the case's once under supervision, else the platform's.
      var clock = supervisionCase != null ? deadlines.get(supervisionCase.deadlineId())
          : m.coordinationDeadlineId() == null ? null : deadlines.get(m.coordinationDeadlineId());
      boolean overdue = supervisionCase != null && supervisionCase.overdueOn(today, clock);
      return new ProjectView.Matter(m.id(), m.itemCode(), m.origin(), m.reason(),
          m.stage().name(), m.stage().displayName(),
          m.stage() == MatterStage.ON_AGENDA || clock == null ? null : clock.dueOn(),
          m.meetingOn(),
          m.decision(), m.responsibleUnit(),
          supervisionCase == null ? null : supervisionCase.id(),
          supervisionCase == null ? null : supervisionCase.status().name(), overdue,
          m.resolution(), m.closedOn());
    }).toList();
  }

}
