package cn.kaifeng.jointapproval.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses minutes that cannot be carried out or that name matters not on this meeting's agenda
 * ({@link AgendaMinutes}). The task stays open and the message names every problem.
 */
@Component
public class MinutesValidationListener implements TaskListener {

  private final AgendaMinutes minutes;

  public MinutesValidationListener(AgendaMinutes minutes) {
    this.minutes = minutes;
  }

  @Override
  public void notify(DelegateTask task) {
    minutes.read(task.getProcessInstanceId(), task.getVariable("agenda"));
  }
}
