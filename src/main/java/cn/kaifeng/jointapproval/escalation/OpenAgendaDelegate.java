package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开始收集议题: a new week's meeting opens its agenda until the next close, and takes every matter
 * that was escalated while no meeting was collecting.
 */
@Component
public class OpenAgendaDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final MeetingSchedule schedule;
  private final ProjectLedger ledger;

  public OpenAgendaDelegate(MatterRepository matters, MeetingSchedule schedule,
      ProjectLedger ledger) {
    this.matters = matters;
    this.schedule = schedule;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var closes = schedule.nextClose();
    execution.setVariable("agendaClosesAt", closes);
    execution.setVariable("agendaClosesOn", ChinaTime.dateOf(closes).toString());
    for (var matter : matters.waitingForAgenda()) {
      AddToAgendaDelegate.add(matters, ledger, matter, execution);
    }
  }
}
