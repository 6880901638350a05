package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineIds;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开启上月投资填报: for the month before, once, every project between 签约 and 投产 (signed,
 * landed, ready, started or completed) gets its request: a row in the ledger bound to a new
 * {@code investment-report} process instance, with a clock of
 * {@code jointapproval.lifecycle.report-due-working-days} working days from today that the
 * instance's task and timers follow.
 */
@Component
public class OpenInvestmentRoundDelegate implements JavaDelegate {

  static final String REPORT_PROCESS = "investment-report";
  /** The nodes whose projects report their monthly investment. */
  static final List<Node> REPORTING = List.of(Node.SIGNED, Node.LANDED, Node.READY, Node.STARTED,
      Node.COMPLETED);

  private final InvestmentRepository repository;
  private final NodeFacts nodeFacts;
  private final DeadlineService deadlines;
  private final LifecycleProperties properties;

  public OpenInvestmentRoundDelegate(InvestmentRepository repository, NodeFacts nodeFacts,
      DeadlineService deadlines, LifecycleProperties properties) {
    this.repository = repository;
    this.nodeFacts = nodeFacts;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = ChinaTime.today();
    var month = YearMonth.from(today).minusMonths(1);
    if (!repository.openRound(month, today)) {
      return; // opened already
    }
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    int opened = 0;
    for (String code : nodeFacts.projectsAt(REPORTING)) {
      String clock = DeadlineIds.investmentReport(code, month.toString());
      if (!repository.insertRequest(code, month, clock, today)) {
        continue;
      }
      // The instance waits before its first step (asyncBefore) until this transaction binds it.
      var instance = runtime.startProcessInstanceByKey(REPORT_PROCESS, code);
      repository.bindRequest(code, month, instance.getId());
      deadlines.open(clock, instance.getId(), today, properties.reportDueWorkingDays());
      opened++;
    }
    repository.countRound(month, opened);
    execution.setVariable("reportMonth", month.toString());
    execution.setVariable("reportsRequested", opened);
  }
}
