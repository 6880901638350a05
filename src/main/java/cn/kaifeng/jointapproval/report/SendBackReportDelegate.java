package cn.kaifeng.jointapproval.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** 退回重新计算: counts the send-back on the draft; the process computes it again. */
@Component
public class SendBackReportDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendBackReportDelegate.class);

  private final ReportRepository reports;

  public SendBackReportDelegate(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var report = reports.ofInstance(execution.getProcessInstanceId());
    reports.sentBack(report.id());
    log.info("Report {} v{} sent back for recomputation: {}", report.period(), report.version(),
        execution.getVariable("sendBackReason"));
  }
}
