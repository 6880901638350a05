package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 审核通报 completed: a send-back needs its reason (the data to correct), which is kept as the
 * reason of the recomputation; the commentary goes onto the draft bound to this instance.
 */
@Component
public class ReviewReportListener implements TaskListener {

  static final String PUBLISH = "PUBLISH";
  static final String SEND_BACK = "SEND_BACK";

  private final ReportRepository reports;

  public ReviewReportListener(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable("decision");
    if (!PUBLISH.equals(decision) && !SEND_BACK.equals(decision)) {
      throw SubmissionRejectedException.of("decision", "请选择发布或退回重新计算");
    }
    if (SEND_BACK.equals(decision) && (!(task.getVariable("sendBackReason") instanceof String
        reason) || reason.isBlank())) {
      throw SubmissionRejectedException.of("sendBackReason", "退回须说明需更正的数据");
    }
    var report = reports.ofInstance(task.getProcessInstanceId());
    Object commentary = task.getVariable("commentary");
    reports.comment(report.id(), commentary instanceof String text && !text.isBlank()
        ? text.strip() : null);
  }
}
