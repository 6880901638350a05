package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;

/**
 * Every kind of grant the variable instance query checks, each held by users of its own, and the
 * variables those users see through the project's statement compared with Camunda's own: a
 * group's grant on a task (Camunda's candidate-group grant), a user's, the '*' user's and a
 * global grant on a task, READ on a process instance, READ_INSTANCE on a definition (of a group;
 * READ alone is not enough), a grant on all tasks or all process instances ('*' resource),
 * Camunda's odd match of a Task grant on a definition key, a grant without READ, several groups,
 * a standalone task; then a revoke (Camunda's per-row check) and the enforced specific variable
 * permissions (READ_VARIABLE, READ_INSTANCE_VARIABLE). Queried as Tasklist embeds a page's
 * columns (variable scope ids and names), listed, paged and counted. Used on H2
 * ({@link VariableInstanceQueryAuthorizationTest}) and PostgreSQL
 * ({@link TaskQueryAuthorizationIT}); everything it creates is removed again.
 */
final class VariableGrantMatrix extends MatrixFixture {

  private static final String A = "var-matrix-a";
  private static final String B = "var-matrix-b";
  private static final String[] NAMES = {"matrixName", "matrixCode", "dueOn"};

  private static final Map<String, List<String>> USERS = users();

  private final ProcessEngineConfigurationImpl configuration;
  /** Task name to its process instance id. */
  private final Map<String, String> instance = new LinkedHashMap<>();

  VariableGrantMatrix(ProcessEngine engine) {
    super(engine);
    configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
  }

  /** Builds, compares every user in every phase, removes it all; comparisons that saw rows. */
  int compareEveryUser() {
    try {
      createInstancesAndGrants();
      int compared = compareAll("grants");
      // Each kind of grant shows what it should: else the comparisons above prove little.
      assertVisible("vm-u1", "a1:dueOn", "b3:dueOn", "a4:dueOn");
      assertVisible("vm-user", "b2:dueOn", "b3:dueOn", "a4:dueOn");
      assertVisible("vm-instance", "a1:matrixName", "a1:matrixCode", "a1:dueOn", "b3:dueOn",
          "a4:dueOn");
      assertVisible("vm-def-member", "b1:matrixName", "b1:matrixCode", "b1:dueOn",
          "b2:matrixName", "b2:matrixCode", "b2:dueOn", "b3:matrixName", "b3:matrixCode",
          "b3:dueOn", "a4:dueOn");
      assertVisible("vm-def-read", "b3:dueOn", "a4:dueOn");
      assertVisible("vm-odd", "b1:matrixName", "b1:matrixCode", "b1:dueOn", "b2:matrixName",
          "b2:matrixCode", "b2:dueOn", "b3:matrixName", "b3:matrixCode", "b3:dueOn",
          "a4:dueOn");
      assertVisible("vm-weak-member", "b3:dueOn", "a4:dueOn");
      // Camunda's '*' resource matches every variable, whichever resource type it names.
      assertThat(visible("vm-all")).as("vm-all sees all").hasSize(7 * 3 + 1);
      assertThat(visible("vm-allinstances-member")).as("vm-allinstances-member sees all")
          .hasSize(7 * 3 + 1);

      String revoke = revokeRead("vm-u1", "a1");
      compared += compareAll("grants and a revoke");
      assertThat(visible("vm-u1")).as("vm-u1 sees, a1 revoked").contains("a4:dueOn")
          .doesNotContain("a1:dueOn");
      authorizations.deleteAuthorization(revoke);

      boolean enforced = configuration.isEnforceSpecificVariablePermission();
      configuration.setEnforceSpecificVariablePermission(true);
      try {
        compared += compareAll("specific variable permissions");
        assertVisible("vm-var-task", "a3:dueOn");
        assertVisible("vm-var-def", "a1:matrixName", "a1:matrixCode", "a1:dueOn",
            "a2:matrixName", "a2:matrixCode", "a2:dueOn", "a3:matrixName", "a3:matrixCode",
            "a3:dueOn", "a4:matrixName", "a4:matrixCode", "a4:dueOn");
        assertVisible("vm-instance");
      } finally {
        configuration.setEnforceSpecificVariablePermission(enforced);
      }
      return compared;
    } finally {
      removeAll(USERS);
    }
  }

  private void createInstancesAndGrants() {
    deploy(null, A, B);
    start("a1", A, "vm-g1");
    start("a2", A, null);
    start("a3", A, "vm-g2");
    start("a4", A, null);
    start("b1", B, null);
    start("b2", B, null);
    start("b3", B, null);
    Task standalone = tasks.newTask();
    standalone.setName("variable matrix");
    tasks.saveTask(standalone);
    task.put("s1", standalone.getId());
    tasks.setVariableLocal(standalone.getId(), "dueOn", "s1");

    grants.grant(Authorization.AUTH_TYPE_GRANT, "vm-user", null, Resources.TASK, task.get("b2"),
        Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "*", null, Resources.TASK, task.get("b3"),
        Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GLOBAL, null, null, Resources.TASK, task.get("a4"),
        Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "vm-instance", null, Resources.PROCESS_INSTANCE,
        instance.get("a1"), Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "vm-def", Resources.PROCESS_DEFINITION, B,
        ProcessDefinitionPermissions.READ_INSTANCE);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "vm-def-read", null, Resources.PROCESS_DEFINITION, A,
        ProcessDefinitionPermissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, "vm-all", null, Resources.TASK, "*", Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "vm-allinstances", Resources.PROCESS_INSTANCE,
        "*", Permissions.READ);
    // Camunda's join matches any of the checked grants on any of the resource ids.
    grants.grant(Authorization.AUTH_TYPE_GRANT, "vm-odd", null, Resources.TASK, B, Permissions.READ);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "vm-weak", Resources.TASK, task.get("a1"),
        Permissions.UPDATE);
    // Checked only when specific variable permissions are enforced.
    grants.grant(Authorization.AUTH_TYPE_GRANT, "vm-var-task", null, Resources.TASK, task.get("a3"),
        TaskPermissions.READ_VARIABLE);
    grants.grant(Authorization.AUTH_TYPE_GRANT, null, "vm-var-def-group", Resources.PROCESS_DEFINITION,
        A, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
  }

  /**
   * A process instance with two variables whose task has a local one, as Tasklist's columns
   * (named apart from the columns, which TaskColumnsPlugin would copy onto the task).
   */
  private void start(String name, String key, String candidateGroup) {
    var started = runtime.createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
        .setVariable("matrixName", name).setVariable("matrixCode", name.toUpperCase())
        .execute();
    String id = tasks.createTaskQuery().processInstanceId(started.getId()).singleResult()
        .getId();
    task.put(name, id);
    instance.put(name, started.getId());
    tasks.setVariableLocal(id, "dueOn", name);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(id, candidateGroup);
    }
  }

  private int compareAll(String phase) {
    int compared = 0;
    // Tasklist's embedded columns: the page's tasks, their executions and process instances.
    String[] scopes = Stream.concat(task.values().stream(), instance.values().stream())
        .distinct().toArray(String[]::new);
    String[] instances = instance.values().toArray(String[]::new);
    String[] taskIds = task.values().toArray(String[]::new);
    for (String user : USERS.keySet()) {
      authenticate(user);
      try {
        String who = phase + ", " + user + " ";
        compared += camunda.same(who + "columns", () -> query().variableScopeIdIn(scopes)
            .variableNameIn(NAMES).list());
        compared += camunda.same(who + "columns, count", () -> List.of(query()
            .variableScopeIdIn(scopes).variableNameIn(NAMES).count()));
        // One instance's variables have distinct names: the page is the same in either order.
        compared += camunda.same(who + "page", () -> query().processInstanceIdIn(instances[0])
            .orderByVariableName().asc().listPage(1, 2));
        compared += camunda.same(who + "instances", () -> query().processInstanceIdIn(instances)
            .list());
        compared += camunda.same(who + "tasks", () -> query().taskIdIn(taskIds).list());
        compared += camunda.same(who + "tasks, count", () -> List.of(query().taskIdIn(taskIds)
            .count()));
        compared += camunda.same(who + "by name", () -> query().variableName("matrixCode")
            .processInstanceIdIn(instances).list());
      } finally {
        identity.clearAuthentication();
      }
    }
    return compared;
  }

  private VariableInstanceQuery query() {
    return runtime.createVariableInstanceQuery();
  }

  private void authenticate(String user) {
    identity.setAuthentication(user, USERS.get(user));
  }

  /** The matrix's variables (task:name) the user sees are exactly these (ours, proven Camunda's). */
  private void assertVisible(String user, String... variables) {
    assertThat(visible(user)).as(user + " sees").containsExactlyInAnyOrder(variables);
  }

  private Set<String> visible(String user) {
    Map<String, String> byInstanceOrTask = new LinkedHashMap<>();
    instance.forEach((name, id) -> byInstanceOrTask.put(id, name));
    task.forEach((name, id) -> byInstanceOrTask.put(id, name));
    String[] scopes = byInstanceOrTask.keySet().toArray(String[]::new);
    authenticate(user);
    try {
      List<VariableInstance> seen = query().variableScopeIdIn(scopes).list();
      List<String> names = seen.stream().map(v -> byInstanceOrTask.get(
          v.getTaskId() != null ? v.getTaskId() : v.getProcessInstanceId()) + ":" + v.getName())
          .toList();
      assertThat(names).as(user + " sees each variable once").doesNotHaveDuplicates();
      return Set.copyOf(names);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, List<String>> users() {
    Map<String, List<String>> users = new LinkedHashMap<>();
    users.put("vm-u1", List.of("vm-g1"));
    users.put("vm-multi", List.of("vm-g1", "vm-g2", "vm-none"));
    users.put("vm-user", List.of());
    users.put("vm-instance", List.of());
    users.put("vm-def-member", List.of("vm-def"));
    users.put("vm-def-read", List.of());
    users.put("vm-all", List.of());
    users.put("vm-allinstances-member", List.of("vm-allinstances", "vm-g2"));
    users.put("vm-odd", List.of());
    users.put("vm-weak-member", List.of("vm-weak"));
    users.put("vm-var-task", List.of());
    users.put("vm-var-def", List.of("vm-var-def-group"));
    users.put("vm-nobody", List.of());
    return users;
  }
}
