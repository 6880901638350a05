package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.escalation.UnitMatters;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 布置末位表态: in a published monthly report, the county and the department ranked last each get
 * a statement task (process {@code last-place-statement}, bound to its row) due in
 * {@code statement-due-working-days} working days; once per unit and month, whatever version
 * flagged it. A unit that was also last in the month before's published report is put on the
 * executive vice mayor's meeting agenda.
 */
@Component
public class RequestStatementsDelegate implements JavaDelegate {

  static final String STATEMENT_PROCESS = "last-place-statement";

  private final ReportRepository reports;
  private final ReportUnits units;
  private final CalendarService calendar;
  private final ReportProperties properties;
  private final RuntimeService runtimeService;
  private final UnitMatters unitMatters;

  public RequestStatementsDelegate(ReportRepository reports, ReportUnits units,
      CalendarService calendar, ReportProperties properties, RuntimeService runtimeService,
      UnitMatters unitMatters) {
    this.reports = reports;
    this.units = units;
    this.calendar = calendar;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.unitMatters = unitMatters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var report = reports.ofInstance(execution.getProcessInstanceId());
    var period = report.parsedPeriod();
    if (!period.monthly()) {
      return;
    }
    var previous = reports.currentPublished(period.previous().code())
        .map(r -> reports.ranking(r.id())).orElse(null);
    var due = calendar.calendar().add(ChinaTime.today(), properties.statementDueWorkingDays());
    int requested = 0;
    for (var line : reports.ranking(report.id()).lines()) {
      if (!ReportCalculator.LAST.equals(line.flag())) {
        continue;
      }
      var unit = units.find(line.unit()).orElseThrow();
      boolean again = previous != null && previous.line(unit.group())
          .map(l -> ReportCalculator.LAST.equals(l.flag())).orElse(false);
      var inserted = reports.insertStatement(report.id(), period.code(), unit, due, again);
      if (inserted.isEmpty()) {
        continue;
      }
      var instance = runtimeService.startProcessInstanceByKey(STATEMENT_PROCESS,
          period.code() + ":" + unit.group());
      reports.bindStatement(inserted.get(), instance.getId());
      if (again) {
        String matterId = unitMatters.bringToMeeting(period.code(), unit.group(),
            unit.name() + "在" + period.previous().label() + "和" + period.label()
                + "重大项目推进考评中连续两个月排名末位（" + unit.audience().label() + "）");
        reports.statementMatter(inserted.get(), matterId);
      }
      requested++;
    }
    execution.setVariable("statementsRequested", requested);
  }
}
