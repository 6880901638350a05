package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 征求部门意见: records which sections the platform asked ({@code opinionGroups}, checked by
 * {@link CoordinationResultListener}); each gets an opinion task.
 */
@Component
public class RequestOpinionsDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final ProjectLedger ledger;
  private final Map<String, String> groupNames;

  public RequestOpinionsDelegate(MatterRepository matters, ProjectLedger ledger,
      IdentityCatalog catalog) {
    this.matters = matters;
    this.ledger = ledger;
    this.groupNames = catalog.groupNames();
  }

  @Override
  public void execute(DelegateExecution execution) {
    var matter = MatterRef.of(execution, matters);
    @SuppressWarnings("unchecked")
    var asked = (List<String>) execution.getVariable("opinionGroups");
    ledger.record(matter.projectCode(), "OPINIONS_REQUESTED", matter.itemCode(),
        matter.completedBy(), "协调事项 " + matter.matterId() + " 征求意见："
            + asked.stream().map(g -> groupNames.getOrDefault(g, g))
                .collect(Collectors.joining("、")));
  }
}
