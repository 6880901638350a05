package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision bureau's view of its cases: {@code GET /api/supervision/cases}. */
@RestController
public class SupervisionController {

  /**
   * One case as listed. {@code overdue}: flagged by its timer or past its deadline and open.
   * {@code origin}: {@code MEETING_DECISION} or {@code PROJECT_OVERRUN} (no matter, no item).
   */
  public record CaseView(String caseId, CaseOrigin origin, String originName, String matterId, String projectCode, String projectName,
      String itemCode, String itemName, String decision, String responsibleUnit,
      String responsibleUnitName, LocalDate deadline, CaseStatus status, String statusName,
      boolean overdue, String report, String accountability, Instant openedAt,
      LocalDate closedOn) {}

  public record CaseList(int total, long overdue, List<CaseView> cases) {}

  private final SupervisionCaseRepository cases;
  private final ProjectRepository projects;
  private final ProjectItemRepository items;
  private final DeadlineService deadlines;
  private final Map<String, String> groupNames;

  public SupervisionController(SupervisionCaseRepository cases, ProjectRepository projects,
      ProjectItemRepository items, DeadlineService deadlines, IdentityCatalog catalog) {
    this.cases = cases;
    this.projects = projects;
    this.items = items;
    this.deadlines = deadlines;
    this.groupNames = catalog.groupNames();
  }

  @GetMapping("/api/supervision/cases")
  @Transactional(readOnly = true)
  public CaseList list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) Boolean overdue,
      org.springframework.security.core.Authentication user) {
    var groups = user.getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority).toList();
    boolean cityWide = Roles.cityWide(groups);
    if (!cityWide && unit != null && !unit.isBlank() && !groups.contains(unit)) {
      throw new ForbiddenException("只能查看本单位负责落实的督办件");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    CaseStatus wanted = null;
    if (status != null && !status.isBlank()) {
      wanted = Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status))
          .findFirst().orElse(null);
      if (wanted == null) {
        errors.put("status", "未知的督办状态“" + status + "”，可选：IN_PROGRESS、REPORTED、ACCEPTED");
      }
    }
    if (unit != null && !unit.isBlank() && !groupNames.containsKey(unit)) {
      errors.put("unit", "未知的责任单位“" + unit + "”");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var today = ChinaTime.today();
    // Several cases usually share a project: read each project's and item's name once.
    Map<String, String> projectNames = new java.util.HashMap<>();
    Map<String, String> itemNames = new java.util.HashMap<>();
    var views = cases.find(wanted, unit == null || unit.isBlank() ? null : unit).stream()
        .filter(c -> cityWide || groups.contains(c.responsibleUnit()))
        .map(c -> {
          var clock = deadlines.get(c.deadlineId());
          boolean late = c.overdueOn(today, clock);
          return new CaseView(c.id(), c.origin(), c.origin().displayName(), c.matterId(),
              c.projectCode(),
              projectNames.computeIfAbsent(c.projectCode(), code -> projects.get(code).name()),
              c.itemCode(), c.itemCode() == null ? null
                  : itemNames.computeIfAbsent(c.projectCode() + "/" + c.itemCode(),
                      key -> items.get(c.projectCode(), c.itemCode()).name()),
              c.decision(), c.responsibleUnit(),
              groupNames.getOrDefault(c.responsibleUnit(), c.responsibleUnit()), clock.dueOn(),
              c.status(), c.status().displayName(), late, c.report(), c.accountability(),
              c.openedAt(), c.closedOn());
        })
        .filter(v -> overdue == null || v.overdue() == overdue)
        .toList();
    return new CaseList(views.size(), views.stream().filter(CaseView::overdue).count(), views);
  }
}
