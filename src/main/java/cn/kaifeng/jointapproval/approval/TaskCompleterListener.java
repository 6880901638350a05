package cn.kaifeng.jointapproval.approval;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Remembers who completed a task ({@code completedBy}): the steps after it run as jobs, where the
 * user is no longer known, and the ledger names who acted.
 */
@Component
public class TaskCompleterListener implements TaskListener {

  private final IdentityService identityService;

  public TaskCompleterListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    String user = authentication != null ? authentication.getUserId() : task.getAssignee();
    task.setVariable("completedBy", user);
  }
}
