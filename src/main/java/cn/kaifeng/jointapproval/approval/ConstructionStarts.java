package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a project's node ({@code POST /api/projects/{code}/nodes}); today the construction
 * start (开工). The county's chief service officers or the key projects office report it; the date
 * lies between readiness and today. The date goes into the ledger, then the message
 * {@code ProjectStarted} wakes the project's own process instance (by its id from the ledger),
 * whose step 记录开工 stops the clock: one transaction, nothing changes on a refusal.
 */
@Service
public class ConstructionStarts {

  public static final String MESSAGE = "ProjectStarted";
  public static final String STARTED = "STARTED";
  private static final Set<String> FIELDS = Set.of("node", "date");

  private final ProjectRepository projects;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public ConstructionStarts(ProjectRepository projects, RuntimeService runtimeService,
      IdentityService identityService) {
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Transactional
  public void record(String code, Map<String, Object> body, String userId,
      Collection<String> groups) {
    var project = projects.get(code);
    if (!groups.contains(Roles.KEY_PROJECTS_OFFICE)
        && !groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)
        && !groups.contains(project.county().group())) {
      throw new ForbiddenException("无权登记项目 " + code + " 的开工：只有本县区首席服务官或市重点办可以登记");
    }
    // Two reports at once: the second waits here and then finds the project started.
    projects.lock(code);
    project = projects.get(code);
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(k -> !FIELDS.contains(k))
        .forEach(k -> errors.put(k, "未知字段"));
    Object node = body.get("node");
    if (!STARTED.equals(node)) {
      errors.put("node", node == null ? "必须填写节点（STARTED）" : "未知节点：只能登记 STARTED（开工）");
    }
    LocalDate date = null;
    Object raw = body.get("date");
    if (!(raw instanceof String text)) {
      errors.put("date", "必须填写开工日期（YYYY-MM-DD）");
    } else {
      try {
        date = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        errors.put("date", "日期格式应为 YYYY-MM-DD");
      }
    }
    if (!errors.containsKey("node") && project.status() != ProjectStatus.READY_FOR_CONSTRUCTION) {
      errors.put("node", project.status() == ProjectStatus.STARTED ? "项目已登记开工"
          : "项目尚未具备开工条件，不能登记开工");
    }
    if (date != null && project.completedOn() != null && date.isBefore(project.completedOn())) {
      errors.put("date", "开工日期不能早于具备开工条件之日（" + project.completedOn() + "）");
    }
    if (date != null && date.isAfter(ChinaTime.today())) {
      errors.put("date", "开工日期不能晚于今天");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    projects.reportStart(code, date, userId);
    // Our own call, not the user's: the engine's trust boundary lets only the application itself
    // correlate messages. The instance comes from the ledger, never from the request.
    var previous = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceId(project.processInstanceId())
          .correlateWithResult();
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      }
    }
  }
}
