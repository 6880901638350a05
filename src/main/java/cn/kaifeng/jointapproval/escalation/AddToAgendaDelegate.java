package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 列入议程: a matter escalated while this meeting collects goes onto its agenda. Which one the
 * ledger says (escalated, on no agenda yet), not a variable of the message: whatever waits is taken.
 */
@Component
public class AddToAgendaDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final ProjectLedger ledger;

  public AddToAgendaDelegate(MatterRepository matters, ProjectLedger ledger) {
    this.matters = matters;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (var matter : matters.waitingForAgenda()) {
      add(matters, ledger, matter, execution);
    }
  }

  static void add(MatterRepository matters, ProjectLedger ledger, Matter matter,
      DelegateExecution meeting) {
    matters.putOnAgenda(matter.id(), meeting.getProcessInstanceId());
    if (matter.aboutUnit()) {
      return; // no project ledger to write: the monthly report keeps the unit's record
    }
    ledger.record(matter.projectCode(), "MATTER_ON_AGENDA", matter.itemCode(), null,
        "协调事项 " + matter.id() + " 列入市联审联批会议议程（议程 "
            + meeting.getVariable("agendaClosesOn") + " 截止）");
  }
}
