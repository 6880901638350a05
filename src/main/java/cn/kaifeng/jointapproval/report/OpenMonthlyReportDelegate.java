package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 编制上月通报: the draft of the month before, once; in January also the year before's report,
 * which is kept like a monthly one (reviewed, published, versioned).
 */
@Component
public class OpenMonthlyReportDelegate implements JavaDelegate {

  private final ReportRepository reports;
  private final ReportDrafts drafts;

  public OpenMonthlyReportDelegate(ReportRepository reports, ReportDrafts drafts) {
    this.reports = reports;
    this.drafts = drafts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var month = YearMonth.from(ChinaTime.today()).minusMonths(1);
    var period = Period.month(month);
    if (!reports.exists(period.code())) {
      drafts.open(period, null, null);
    }
    if (month.getMonthValue() == 12) {
      var year = Period.year(month.getYear());
      if (!reports.exists(year.code())) {
        drafts.open(year, null, null);
      }
    }
    execution.setVariable("reportPeriod", period.code());
  }
}
