package cn.kaifeng.jointapproval.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 准备表态任务: what the statement task shows, from its row and its report. */
@Component
public class PrepareStatementDelegate implements JavaDelegate {

  private final ReportRepository reports;
  private final ReportProperties properties;

  public PrepareStatementDelegate(ReportRepository reports, ReportProperties properties) {
    this.reports = reports;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var statement = reports.statementOf(execution.getProcessInstanceId());
    var report = reports.find(statement.reportId()).orElseThrow();
    var line = reports.ranking(report.id()).line(statement.unit()).orElseThrow();
    execution.setVariable("unitName", statement.unitName());
    execution.setVariable("periodLabel", Period.parse(statement.period(), "period").label());
    execution.setVariable("rankText", "第 " + line.rank() + " 名（末位），总分 "
        + line.total().toPlainString() + " 分" + (statement.consecutive()
        ? "；连续两个月末位，已列入市联审联批会议议程" : ""));
    execution.setVariable("reportUrl", properties.linkTo(report.id()));
    execution.setVariable("dueOn", statement.dueOn().toString());
  }
}
