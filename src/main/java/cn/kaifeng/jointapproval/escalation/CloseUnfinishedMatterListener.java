package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The coordination of an overdue item ends with the item itself when its section approves it
 * meanwhile: the matter is closed as moot rather than left open in the ledger.
 */
@Component
public class CloseUnfinishedMatterListener implements ExecutionListener {

  private final MatterRepository matters;
  private final ProjectLedger ledger;

  public CloseUnfinishedMatterListener(MatterRepository matters, ProjectLedger ledger) {
    this.matters = matters;
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      return;
    }
    var found = matters.find(Matter.idOf(execution.getProcessInstanceId()));
    if (found.isEmpty()) {
      return; // ended before it registered its matter
    }
    var matter = found.get();
    String matterId = matter.id();
    if (matter.stage() != MatterStage.CLOSED) {
      matters.close(matterId, "ITEM_APPROVED", ChinaTime.today());
      ledger.record(matter.projectCode(), "MATTER_CLOSED", matter.itemCode(), null,
          "事项已办结，协调事项 " + matterId + " 随之终止");
    }
  }
}
