package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A section gave its opinion on a matter: into the ledger, where the coordinator reads it. The
 * matter is this process instance's (by the ledger) and the section the task's candidate group,
 * both fixed before the section could write any variable.
 */
@Component
public class RecordOpinionListener implements TaskListener {

  private final MatterRepository matters;
  private final ProjectLedger ledger;
  private final IdentityService identityService;

  public RecordOpinionListener(MatterRepository matters, ProjectLedger ledger,
      IdentityService identityService) {
    this.matters = matters;
    this.ledger = ledger;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Object opinion = task.getVariable("departmentOpinion");
    if (!(opinion instanceof String text) || text.isBlank()) {
      throw new ProcessEngineException("请填写本部门意见");
    }
    var matter = matters.ofCoordination(task.getProcessInstanceId());
    var authentication = identityService.getCurrentAuthentication();
    String group = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).filter(g -> g != null)
        .collect(Collectors.joining("、"));
    ledger.record(matter.projectCode(), "OPINION_GIVEN", matter.itemCode(),
        authentication == null ? task.getAssignee() : authentication.getUserId(),
        group + " 对协调事项 " + matter.id() + " 的意见：" + text);
    // Not kept as a process variable: the next section's answer would overwrite it.
    task.removeVariable("departmentOpinion");
  }
}
