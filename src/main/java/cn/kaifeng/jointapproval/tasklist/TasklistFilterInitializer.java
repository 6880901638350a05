package cn.kaifeng.jointapproval.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.kaifeng.jointapproval.database.StartupLock;
import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the shared Tasklist filters at start-up, once, and lets each be read by the groups it
 * is for: officers see their section's list, the platform its coordination, and so on, without
 * anybody setting filters up by hand. Every filter sorts by due date and shows the project's name,
 * code, county and due date. Camunda has no unique key on a filter's name: nodes starting
 * together take turns through {@link StartupLock}, so each filter exists once.
 */
@Component
public class TasklistFilterInitializer implements ApplicationRunner {

  /** A filter: its name, who sees it (group ids or prefixes ending in *), its query. */
  public record Definition(String name, String description, int priority, List<String> groups,
      Function<TaskQuery, TaskQuery> query) {}

  private static final String MINE = "${currentUserGroups()}";

  public static final List<Definition> FILTERS = List.of(
      new Definition("本科室待办", "本科室（本单位）的待办事项，按办理期限排序", -10,
          List.of("approval-*", "county-*"),
          q -> q.taskCandidateGroupInExpression(MINE).includeAssignedTasks()),
      new Definition("我的任务", "已由我认领的任务", -9,
          List.of("approval-*", "county-*", "joint-review-platform", "executive-vice-mayor",
              "supervision-bureau", "key-projects-office"),
          q -> q.taskAssigneeExpression("${currentUser()}")),
      new Definition("即将到期", "已过跟进日期、尚未到期的事项（黄灯）", -8, List.of("approval-*"),
          q -> q.taskCandidateGroupInExpression(MINE).includeAssignedTasks()
              .followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")),
      new Definition("已超期", "已过办理期限的事项（红灯）", -7, List.of("approval-*"),
          q -> q.taskCandidateGroupInExpression(MINE).includeAssignedTasks()
              .dueBeforeExpression("${now()}")),
      new Definition("待补正", "审批科室退回、需首席服务官补正的事项", -6, List.of("county-*"),
          q -> q.taskCandidateGroupInExpression(MINE).includeAssignedTasks()
              .taskDefinitionKey("supplementItem")),
      new Definition("协调事项", "需跨部门联审联批平台协调的事项", -5,
          List.of("joint-review-platform"),
          q -> q.taskCandidateGroup("joint-review-platform").includeAssignedTasks()),
      new Definition("会议议题", "市联审联批会议的议程、纪要和问责建议审批", -5,
          List.of("executive-vice-mayor"),
          q -> q.taskCandidateGroup("executive-vice-mayor").includeAssignedTasks()),
      new Definition("督办件", "会议决定的督办核查和问责建议", -5, List.of("supervision-bureau"),
          q -> q.taskCandidateGroup("supervision-bureau").includeAssignedTasks()),
      new Definition("问题交办", "周交办清单、问题验收和省协调机制答复", -5,
          List.of("key-projects-office"),
          q -> q.taskCandidateGroup("key-projects-office").includeAssignedTasks()
              .processDefinitionKeyIn("weekly-assignment", "problem")),
      new Definition("考评通报", "月度、年度考评通报的审核发布", -5,
          List.of("key-projects-office"),
          q -> q.taskCandidateGroup("key-projects-office").includeAssignedTasks()
              .processDefinitionKeyIn("report-review")),
      new Definition("待办问题", "交本单位办理的问题，按办理期限排序", -4,
          List.of("approval-*", "county-*", "joint-review-platform", "key-projects-office"),
          q -> q.taskCandidateGroupInExpression(MINE).includeAssignedTasks()
              .taskDefinitionKey("workProblem")));

  /** The columns every list shows. */
  static final List<Map<String, String>> VARIABLES = List.of(
      Map.of("name", "projectName", "label", "项目"),
      Map.of("name", "projectCode", "label", "项目代码"),
      Map.of("name", "countyName", "label", "县区"),
      Map.of("name", "dueOn", "label", "办理期限"));

  private static final Logger log = LoggerFactory.getLogger(TasklistFilterInitializer.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final IdentityCatalog catalog;
  private final StartupLock startupLock;

  public TasklistFilterInitializer(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService, IdentityCatalog catalog,
      StartupLock startupLock) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.catalog = catalog;
    this.startupLock = startupLock;
  }

  @Override
  public void run(ApplicationArguments args) {
    startupLock.run("tasklist-filters", this::createMissing);
  }

  private void createMissing() {
    int created = 0;
    for (var definition : FILTERS) {
      var existing = filterService.createFilterQuery().filterName(definition.name()).list();
      String id;
      if (existing.isEmpty()) {
        var query = definition.query().apply(taskService.createTaskQuery())
            .orderByDueDate().asc().orderByTaskCreateTime().asc();
        var filter = filterService.newTaskFilter(definition.name()).setQuery(query)
            .setProperties(Map.of("description", definition.description(),
                "priority", definition.priority(), "refresh", true, "variables", VARIABLES));
        id = filterService.saveFilter(filter).getId();
        created++;
      } else {
        id = existing.get(0).getId();
      }
      for (String group : groups(definition.groups())) {
        grantRead(id, group);
      }
    }
    log.info("Tasklist filters: {} created, {} in all", created, FILTERS.size());
  }

  private List<String> groups(List<String> patterns) {
    return catalog.groups().stream().map(IdentityCatalog.GroupEntry::id)
        .filter(id -> patterns.stream().anyMatch(p -> p.endsWith("*")
            ? id.startsWith(p.substring(0, p.length() - 1)) : id.equals(p)))
        .toList();
  }

  private void grantRead(String filterId, String group) {
    boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(group)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
