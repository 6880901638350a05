package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.trust.TaskCompleterListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发布通报: the reviewed draft becomes a published version, from then on unchanged. A version after
 * the first says what changed against the version it replaces.
 */
@Component
public class PublishReportDelegate implements JavaDelegate {

  private final ReportRepository reports;
  private final ReportChanges changes;

  public PublishReportDelegate(ReportRepository reports, ReportChanges changes) {
    this.reports = reports;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var report = reports.ofInstance(execution.getProcessInstanceId());
    String changed = reports.currentPublished(report.period())
        .map(previous -> "相对第 " + previous.version() + " 版：" + changes.between(
            reports.ranking(previous.id()), reports.ranking(report.id()), report.reason()))
        .orElse(null);
    if (!reports.publish(report.id(),
        (String) execution.getVariable(TaskCompleterListener.VARIABLE), changed)) {
      throw new IllegalStateException("Report " + report.id() + " is no draft any more");
    }
  }
}
