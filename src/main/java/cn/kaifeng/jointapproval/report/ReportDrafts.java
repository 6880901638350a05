package cn.kaifeng.jointapproval.report;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Opens a report version for review: a draft row, the next version of its period, bound to a new
 * {@code report-review} instance (business key the period) whose first step computes it. The
 * instance waits before that step (asyncBefore) until this transaction has bound it.
 */
@Component
public class ReportDrafts {

  static final String REVIEW_PROCESS = "report-review";

  private final ReportRepository reports;
  private final RuntimeService runtimeService;

  public ReportDrafts(ReportRepository reports, RuntimeService runtimeService) {
    this.reports = reports;
    this.runtimeService = runtimeService;
  }

  public long open(Period period, String reason, String requestedBy) {
    long id = reports.insertDraft(period.code(), reason, requestedBy);
    var instance = runtimeService.startProcessInstanceByKey(REVIEW_PROCESS, period.code());
    reports.bind(id, instance.getId());
    return id;
  }
}
