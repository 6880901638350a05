package cn.kaifeng.jointapproval.trust;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Remembers who completed a task ({@code completedBy}): the steps after it run as jobs, where the
 * user is no longer known, and the ledger names who acted. It is the user the engine authenticated
 * for the completion, whatever {@code completedBy} the client sent with it; the task's assignee
 * only when nobody is authenticated (the engine called from code, or a test).
 */
@Component
public class TaskCompleterListener implements TaskListener {

  public static final String VARIABLE = "completedBy";

  private final IdentityService identityService;

  public TaskCompleterListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    String user = authentication != null && authentication.getUserId() != null
        ? authentication.getUserId() : task.getAssignee();
    // A task-local copy, or one on the task's own execution, would hide the process instance's
    // value from the steps after the task: the value the client set there goes, ours stays.
    task.removeVariableLocal(VARIABLE);
    task.getExecution().removeVariableLocal(VARIABLE);
    task.getExecution().getProcessInstance().setVariableLocal(VARIABLE, user);
  }
}
