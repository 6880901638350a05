package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import cn.kaifeng.jointapproval.trust.TaskCompleterListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 末位表态 submitted: causes and measures are both required; they are attached to the report
 * (the statement row bound to this instance), with who submitted them.
 */
@Component
public class RecordStatementListener implements TaskListener {

  private final ReportRepository reports;

  public RecordStatementListener(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    String causes = text(task, "causes", "请说明排名末位的原因");
    String measures = text(task, "measures", "请说明整改措施");
    var statement = reports.statementOf(task.getProcessInstanceId());
    String by = (String) task.getExecution().getProcessInstance()
        .getVariable(TaskCompleterListener.VARIABLE);
    reports.submitStatement(statement.id(), causes, measures, by);
  }

  private static String text(DelegateTask task, String field, String message) {
    if (task.getVariable(field) instanceof String value && !value.isBlank()) {
      return value.strip();
    }
    throw SubmissionRejectedException.of(field, message);
  }
}
