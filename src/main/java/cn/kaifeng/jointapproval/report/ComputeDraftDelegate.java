package cn.kaifeng.jointapproval.report;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 计算考评得分: computes the draft bound to this instance from the ledger and the scoring table in
 * force, replacing what an earlier computation stored, and sets what the review task shows.
 */
@Component
public class ComputeDraftDelegate implements JavaDelegate {

  private final ReportRepository reports;
  private final ReportCalculator calculator;
  private final ScoringTable table;
  private final ReportProperties properties;

  public ComputeDraftDelegate(ReportRepository reports, ReportCalculator calculator,
      ScoringTable table, ReportProperties properties) {
    this.reports = reports;
    this.calculator = calculator;
    this.table = table;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var report = reports.ofInstance(execution.getProcessInstanceId());
    var period = report.parsedPeriod();
    var ranking = calculator.compute(period);
    if (!reports.storeDraft(report.id(), ranking, table.version())) {
      throw new IllegalStateException("Report " + report.id() + " is no draft any more");
    }
    execution.setVariable("periodLabel", period.label());
    execution.setVariable("reportVersion", report.version());
    execution.setVariable("draftUrl", properties.linkTo(report.id()));
    execution.setVariable("summary", summary(ranking));
  }

  private static String summary(Ranking ranking) {
    StringBuilder out = new StringBuilder();
    for (var audience : Audience.values()) {
      var lines = ranking.of(audience);
      out.append("**").append(audience.label()).append("**　前三名：")
          .append(names(lines, ReportCalculator.TOP)).append("；末位：")
          .append(names(lines, ReportCalculator.LAST)).append("\n\n");
    }
    return out.toString().strip();
  }

  private static String names(java.util.List<Ranking.Line> lines, String flag) {
    String names = lines.stream().filter(l -> flag.equals(l.flag()))
        .map(l -> l.unitName() + "（" + l.total().toPlainString() + " 分）")
        .collect(Collectors.joining("、"));
    return names.isEmpty() ? "无" : names;
  }
}
