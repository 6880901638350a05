package cn.kaifeng.jointapproval.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * What both grant matrices ({@link GrantMatrix}, {@link VariableGrantMatrix}) build and take down
 * again: processes of one user task, the tasks by name (a standalone one named {@code s1}), the
 * grants, a revoke.
 */
abstract class MatrixFixture {

  protected final IdentityService identity;
  protected final RepositoryService repository;
  protected final RuntimeService runtime;
  protected final TaskService tasks;
  protected final AuthorizationService authorizations;
  protected final GrantFixtures grants;
  protected final AgainstCamunda camunda;
  /** Task name to task id. */
  protected final Map<String, String> task = new LinkedHashMap<>();
  private final List<String> deployments = new ArrayList<>();

  MatrixFixture(ProcessEngine engine) {
    identity = engine.getIdentityService();
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    authorizations = engine.getAuthorizationService();
    grants = new GrantFixtures(authorizations);
    camunda = new AgainstCamunda(engine);
  }

  /** Deploys a process of one user task ({@code work}) for each key, for the tenant or none. */
  protected void deploy(String tenant, String... keys) {
    for (String key : keys) {
      var deployment = repository.createDeployment();
      if (tenant != null) {
        deployment.tenantId(tenant);
      }
      deployments.add(deployment.addModelInstance(key + ".bpmn",
          Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
              .userTask("work").endEvent().done()).deploy().getId());
    }
  }

  /** Revokes the user's READ on the named task: Camunda then checks revokes per row. */
  protected String revokeRead(String user, String taskName) {
    var revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.get(taskName));
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    return revoke.getId();
  }

  /** Removes the standalone task, the deployments with their instances and every grant. */
  protected void removeAll(Map<String, List<String>> users) {
    identity.clearAuthentication();
    if (task.containsKey("s1")) {
      tasks.deleteTask(task.get("s1"), true);
    }
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    grants.removeAll(users, task.values());
  }
}
