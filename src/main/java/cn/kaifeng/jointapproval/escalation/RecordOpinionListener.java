package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A section gave its opinion on a matter: into the ledger, where the coordinator reads it. */
@Component
public class RecordOpinionListener implements TaskListener {

  private final ProjectLedger ledger;
  private final IdentityService identityService;

  public RecordOpinionListener(ProjectLedger ledger, IdentityService identityService) {
    this.ledger = ledger;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Object opinion = task.getVariable("departmentOpinion");
    if (!(opinion instanceof String text) || text.isBlank()) {
      throw new ProcessEngineException("请填写本部门意见");
    }
    var authentication = identityService.getCurrentAuthentication();
    String group = (String) task.getVariable("opinionGroup");
    ledger.record((String) task.getVariable("projectCode"), "OPINION_GIVEN",
        (String) task.getVariable("itemCode"),
        authentication == null ? task.getAssignee() : authentication.getUserId(),
        group + " 对协调事项 " + task.getVariable("matterId") + " 的意见：" + text);
    // Not kept as a process variable: the next section's answer would overwrite it.
    task.removeVariable("departmentOpinion");
  }
}
