package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.notify.Notifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 分发通报: the published version by mail (template {@code evaluation-report}) to every county and
 * every department, with its own line highlighted, and to every city leader, with the counties of
 * the projects they contract highlighted; each mail links to the report's page.
 */
@Component
public class DistributeReportDelegate implements JavaDelegate {

  private final ReportRepository reports;
  private final ReportUnits units;
  private final ReportMailLines mailLines;
  private final Notifier notifier;
  private final IdentityService identityService;
  private final ReportProperties properties;
  private final JdbcClient jdbc;

  public DistributeReportDelegate(ReportRepository reports, ReportUnits units,
      ReportMailLines mailLines, Notifier notifier, IdentityService identityService,
      ReportProperties properties, JdbcClient jdbc) {
    this.reports = reports;
    this.units = units;
    this.mailLines = mailLines;
    this.notifier = notifier;
    this.identityService = identityService;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var report = reports.ofInstance(execution.getProcessInstanceId());
    var ranking = reports.ranking(report.id());
    var period = report.parsedPeriod();
    int sent = 0;
    for (var unit : units.all()) {
      var line = ranking.line(unit.group()).orElseThrow();
      var model = model(report, period, ranking, Set.of(unit.group()));
      model.put("readerName", unit.name());
      model.put("ownLine", "本单位在" + unit.audience().label() + "中排名第 " + line.rank()
          + " 名，总分 " + line.total().toPlainString() + " 分"
          + ReportMailLines.change(line) + ReportMailLines.flag(line) + "。");
      notifier.toGroups("evaluation-report", Set.of(unit.group()), model);
      sent++;
    }
    for (var leader : identityService.createUserQuery().memberOfGroup(Roles.CITY_LEADER)
        .orderByUserId().asc().list()) {
      Set<String> own = new HashSet<>(jdbc.sql("""
          select distinct 'county-' || county from project where contracting_leader = :leader""")
          .param("leader", leader.getId()).query(String.class).list());
      var model = model(report, period, ranking, own);
      model.put("readerName", (leader.getLastName() == null ? "" : leader.getLastName())
          + (leader.getFirstName() == null ? "" : leader.getFirstName()));
      model.put("ownLine", own.isEmpty() ? "" : "标亮的是您分包项目所在的县区。");
      notifier.toUser("evaluation-report", leader.getId(), model);
      sent++;
    }
    execution.setVariable("mailsQueued", sent);
  }

  private Map<String, Object> model(Report report, Period period, Ranking ranking,
      Set<String> own) {
    var model = new HashMap<String, Object>();
    model.put("periodLabel", period.label());
    model.put("version", report.version());
    model.put("link", properties.linkTo(report.id()));
    model.put("commentary", report.commentary() == null ? "" : report.commentary());
    model.put("changes", report.changes() == null ? "" : report.changes());
    model.put("counties", mailLines.text(ranking.of(Audience.COUNTY), own));
    model.put("countiesHtml", mailLines.html(ranking.of(Audience.COUNTY), own));
    model.put("departments", mailLines.text(ranking.of(Audience.DEPARTMENT), own));
    model.put("departmentsHtml", mailLines.html(ranking.of(Audience.DEPARTMENT), own));
    return model;
  }
}
