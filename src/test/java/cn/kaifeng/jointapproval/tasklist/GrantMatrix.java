package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Every kind of grant a task query checks, each held by users of its own, and what those users see
 * through the project's task statements compared with Camunda's own: a group's grant on the task
 * (Camunda's candidate-group grant), a user's grant, the '*' user's grant and a global one, a
 * grant on the process definition (READ_TASK, of a group and of a user, and READ alone, which is
 * not enough), a grant on all tasks or all definitions ('*' resource), a grant without READ,
 * Camunda's odd match of a Task grant on a definition key, several groups, a group without any
 * grant, a tenant's task, and a revoke (which switches Camunda to its per-row check). Each user's
 * tasks are listed, paged and counted, plain, by candidate group, by process definition key and
 * in an or-query. Used on H2 ({@link TaskQueryAuthorizationTest}) and on PostgreSQL
 * ({@link TaskQueryAuthorizationIT}); everything it creates is removed again.
 */
final class GrantMatrix extends MatrixFixture {

  private static final String A = "grant-matrix-a";
  private static final String B = "grant-matrix-b";
  private static final String TENANT = "gm-tenant";

  /** Each user's groups; gm-u1t also has the tenant. */
  private static final Map<String, List<String>> USERS = users();

  GrantMatrix(ProcessEngine engine) {
    super(engine);
  }

  /**
   * Builds the tasks and grants, compares every user's answers (without and with a revoke),
   * removes it all; the number of comparisons that saw a task.
   */
  int compareEveryUser() {
    try {
      createTasksAndGrants();
      int compared = compareAll("grants");
      assertVisible("gm-u1", "a1", "a2", "a4", "b1", "b3", "s1");
      assertVisible("gm-u1t", "a1", "a2", "a4", "b1", "b3", "s1", "t1");
      assertVisible("gm-user", "a4", "b2", "b3");
      assertVisible("gm-def-member", "a4", "b1", "b2", "b3");
      assertVisible("gm-def-user", "a1", "a2", "a3", "a4", "b3");
      assertVisible("gm-def-read", "a4", "b3");
      assertVisible("gm-all", "a1", "a2", "a3", "a4", "b1", "b2", "b3", "s1");
      assertVisible("gm-odd", "a4", "b1", "b2", "b3");
      assertVisible("gm-weak-member", "a4", "b3");

      // A revoke of gm-u1's READ on a1: Camunda then checks revokes per row (our copy keeps
      // that check, and must still join the process definition for it).
      revokeRead("gm-u1", "a1");
      compared += compareAll("grants and a revoke");
      assertThat(visible("gm-u1")).as("gm-u1 sees, a1 revoked").contains(task.get("a2"))
          .doesNotContain(task.get("a1"));
      return compared;
    } finally {
      removeAll(USERS);
    }
  }

  private void createTasksAndGrants() {
    deploy(null, A, B);
    deploy(TENANT, A);
    start("a1", A, "gm-g1");
    start("a2", A, "gm-g1");
    tasks.claim(task.get("a2"), "gm-u1");
    start("a3", A, "gm-g2");
    start("a4", A, null);
    start("b1", B, "gm-g1");
    start("b2", B, "gm-g3");
    start("b3", B, null);
    var tenantTask = runtime.createProcessInstanceByKey(A).processDefinitionTenantId(TENANT)
        .execute();
    task.put("t1", tasks.createTaskQuery().processInstanceId(tenantTask.getId()).singleResult()
        .getId());
    tasks.addCandidateGroup(task.get("t1"), "gm-g1");
    Task standalone = tasks.newTask();
    standalone.setName("grant matrix");
    tasks.saveTask(standalone);
    task.put("s1", standalone.getId());
    tasks.addCandidateGroup(standalone.getId(), "gm-g1");

    grants.grant(Authorization.AUTH_TYPE_GRANT, "gm-user", null, Resources.TASK, task.get("b2"),
        Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "*", null, Resources.TASK, task.get("b3"),
        Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GLOBAL, null, null, Resources.TASK, task.get("a4"),
        Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "gm-def", Resources.PROCESS_DEFINITION, B,
        ProcessDefinitionPermissions.READ_TASK);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "gm-def-user", null, Resources.PROCESS_DEFINITION, A,
        ProcessDefinitionPermissions.READ_TASK);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "gm-def-read", null, Resources.PROCESS_DEFINITION, A,
        ProcessDefinitionPermissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "gm-all", null, Resources.TASK, "*", Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "gm-allgroup", Resources.PROCESS_DEFINITION, "*",
        ProcessDefinitionPermissions.READ_TASK);
    // Camunda's join matches any of the checked grants on any of the three resource ids.
    grants.grant(Authorization.AUTH_TYPE_GRANT, "gm-odd", null, Resources.TASK, B, Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "gm-weak", Resources.TASK, task.get("a1"),
        Permissions.UPDATE);
  }

  private void start(String name, String key, String candidateGroup) {
    var instance = runtime.createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
        .execute();
    String id = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getId();
    task.put(name, id);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(id, candidateGroup);
    }
  }

  private int compareAll(String phase) {
    int compared = 0;
    String[] ids = task.values().toArray(String[]::new);
    for (var user : USERS.entrySet()) {
      var groups = user.getValue();
      var someGroups = groups.isEmpty() ? List.of("gm-g1") : groups;
      authenticate(user.getKey());
      try {
        String who = phase + ", " + user.getKey() + " ";
        compared += camunda.same(who + "all", () -> query().list());
        compared += camunda.same(who + "count", () -> List.of(query().count()));
        compared += camunda.same(who + "page", () -> query().orderByTaskId().asc()
            .listPage(0, 3));
        compared += camunda.same(who + "matrix tasks", () -> query().taskIdIn(ids).list());
        compared += camunda.same(who + "matrix tasks, count",
            () -> List.of(query().taskIdIn(ids).count()));
        compared += camunda.same(who + "by group", () -> query().taskCandidateGroupIn(someGroups)
            .includeAssignedTasks().list());
        compared += camunda.same(who + "by group, count", () -> List.of(query()
            .taskCandidateGroupIn(someGroups).includeAssignedTasks().count()));
        compared += camunda.same(who + "by group, page", () -> query()
            .taskCandidateGroupIn(someGroups).includeAssignedTasks().orderByTaskId().asc()
            .listPage(0, 2));
        compared += camunda.same(who + "by definition", () -> query().processDefinitionKey(B)
            .list());
        compared += camunda.same(who + "by definition, count", () -> List.of(query()
            .processDefinitionKeyIn(A, B).count()));
        compared += camunda.same(who + "definition or group", () -> query().or()
            .processDefinitionKey(A).taskCandidateGroup("gm-g3").endOr().list());
      } finally {
        identity.clearAuthentication();
      }
    }
    return compared;
  }

  private TaskQuery query() {
    return tasks.createTaskQuery();
  }

  private void authenticate(String user) {
    identity.setAuthentication(user, USERS.get(user),
        user.equals("gm-u1t") ? List.of(TENANT) : List.of());
  }

  /** The matrix's tasks the user sees are exactly these (ours, already proven Camunda's). */
  private void assertVisible(String user, String... names) {
    assertThat(visible(user)).as(user + " sees")
        .containsExactlyInAnyOrderElementsOf(List.of(names).stream().map(task::get).toList());
  }

  private Set<String> visible(String user) {
    authenticate(user);
    try {
      return Set.copyOf(ids(() -> query().taskIdIn(task.values().toArray(String[]::new))
          .list()));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<String> ids(Supplier<List<Task>> query) {
    return query.get().stream().map(Task::getId).toList();
  }

  private static Map<String, List<String>> users() {
    Map<String, List<String>> users = new LinkedHashMap<>();
    users.put("gm-u1", List.of("gm-g1"));
    users.put("gm-u1t", List.of("gm-g1"));
    users.put("gm-u2", List.of("gm-g2"));
    users.put("gm-multi", List.of("gm-g2", "gm-g3", "gm-none"));
    users.put("gm-user", List.of());
    users.put("gm-def-member", List.of("gm-def"));
    users.put("gm-def-user", List.of());
    users.put("gm-def-read", List.of());
    users.put("gm-all", List.of());
    users.put("gm-allgroup-member", List.of("gm-allgroup", "gm-g3"));
    users.put("gm-odd", List.of());
    users.put("gm-weak-member", List.of("gm-weak"));
    users.put("gm-nobody", List.of());
    return users;
  }
}
