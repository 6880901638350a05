package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * For the statement task in BPMN ({@code statementTasks}): whose task it is and when it is due,
 * from the statement row bound to the instance, never from variables.
 */
@Component("statementTasks")
@ModelExpressionBean
public class StatementTasks {

  private final ReportRepository reports;

  public StatementTasks(ReportRepository reports) {
    this.reports = reports;
  }

  public String unit(DelegateExecution execution) {
    return reports.statementOf(execution.getProcessInstanceId()).unit();
  }

  public Date dueAt(DelegateExecution execution) {
    return ChinaTime.endOf(reports.statementOf(execution.getProcessInstanceId()).dueOn());
  }
}
