package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing 月度投资进度填报 records the form's figure and note for the project and month bound
 * to the instance ({@link InvestmentReports#record}); a bad value refuses the completion, the task
 * stays open. The reporter is the authenticated user (else the assignee).
 */
@Component
public class RecordInvestmentReportListener implements TaskListener {

  private final InvestmentRepository repository;
  private final InvestmentReports reports;
  private final IdentityService identityService;

  public RecordInvestmentReportListener(InvestmentRepository repository,
      InvestmentReports reports, IdentityService identityService) {
    this.repository = repository;
    this.reports = reports;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    var request = ReportRequestRef.of(task.getProcessInstanceId(), repository);
    var errors = new LinkedHashMap<String, String>();
    BigDecimal amount = Amounts.nonNegative(task.getVariable("investment"), "investment",
        "本月完成投资（万元）", errors);
    String note = InvestmentReports.note(task.getVariable("note"), errors);
    if (!errors.isEmpty()) {
      var first = errors.entrySet().iterator().next();
      throw SubmissionRejectedException.of(first.getKey(), first.getValue());
    }
    var authentication = identityService.getCurrentAuthentication();
    String user = authentication != null && authentication.getUserId() != null
        ? authentication.getUserId() : task.getAssignee();
    reports.record(request.projectCode(), request.month(), amount, note, user, "TASK");
  }
}
