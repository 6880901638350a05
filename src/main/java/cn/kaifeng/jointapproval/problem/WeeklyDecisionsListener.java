package cn.kaifeng.jointapproval.problem;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses a week's decisions that cannot be carried out ({@link WeeklyDecisions}). */
@Component
public class WeeklyDecisionsListener implements TaskListener {

  private final WeeklyDecisions decisions;
  private final WeeklySheetRepository sheets;

  public WeeklyDecisionsListener(WeeklyDecisions decisions, WeeklySheetRepository sheets) {
    this.decisions = decisions;
    this.sheets = sheets;
  }

  @Override
  public void notify(DelegateTask task) {
    String sheetId = sheets.ofProcessInstance(task.getProcessInstanceId()).orElseThrow(
        () -> new ProcessEngineException("流程实例 " + task.getProcessInstanceId() + " 没有周交办清单"));
    decisions.read(sheetId, task.getVariable("problems"));
  }
}
