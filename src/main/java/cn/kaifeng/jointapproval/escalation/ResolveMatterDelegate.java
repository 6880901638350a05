package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 协调解决: the platform solved the matter; the item goes back to its section. */
@Component
public class ResolveMatterDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;

  public ResolveMatterDelegate(MatterRepository matters, DeadlineService deadlines,
      ProjectLedger ledger) {
    this.matters = matters;
    this.deadlines = deadlines;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = MatterRef.of(execution, matters);
    String note = (String) execution.getVariable("coordinationNote");
    var today = ChinaTime.today();
    var matter = matters.get(ref.matterId());
    matters.coordinated(ref.matterId(), note);
    matters.close(ref.matterId(), "RESOLVED_BY_PLATFORM", today);
    deadlines.close(matter.coordinationDeadlineId(), today);
    ledger.record(ref.projectCode(), "MATTER_RESOLVED", ref.itemCode(), ref.completedBy(),
        "协调事项 " + ref.matterId() + " 已由跨部门联审联批平台协调解决：" + note);
  }
}
