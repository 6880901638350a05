package cn.kaifeng.jointapproval.report;

import java.util.List;
import org.springframework.stereotype.Component;

/** Builds {@link ReportView}s of stored versions and of periods computed on request. */
@Component
public class ReportViews {

  private final ReportRepository reports;
  private final ReportCalculator calculator;
  private final ScoringTable table;

  public ReportViews(ReportRepository reports, ReportCalculator calculator, ScoringTable table) {
    this.reports = reports;
    this.calculator = calculator;
    this.table = table;
  }

  public ReportView of(Report report) {
    var period = report.parsedPeriod();
    var ranking = reports.ranking(report.id());
    var current = reports.currentPublished(report.period()).map(r -> r.id() == report.id())
        .orElse(false);
    var versions = reports.ofPeriod(report.period()).stream()
        .map(r -> new ReportView.VersionView(r.id(), r.version(), r.status(), r.publishedAt(),
            r.changes())).toList();
    var statements = report.published() && period.monthly()
        ? reports.statements(report.period()).stream().map(ReportView.StatementView::of).toList()
        : List.<ReportView.StatementView>of();
    return new ReportView(report.id(), report.period(), period.label(), period.kind().name(),
        report.version(), report.status(), current, period.from(), period.to(),
        report.computedAt(), report.decisionVersion(), report.commentary(), report.changes(),
        report.reason(), report.publishedAt(), report.publishedBy(), report.sendBacks(), versions,
        lines(ranking, Audience.COUNTY), lines(ranking, Audience.DEPARTMENT), statements);
  }

  /** A period computed now from the ledger and the scoring table in force; nothing is stored. */
  public ReportView preliminary(Period period) {
    var ranking = calculator.compute(period);
    var versions = reports.ofPeriod(period.code()).stream()
        .filter(Report::published)
        .map(r -> new ReportView.VersionView(r.id(), r.version(), r.status(), r.publishedAt(),
            r.changes())).toList();
    return new ReportView(null, period.code(), period.label(), period.kind().name(), null,
        ReportView.PRELIMINARY, false, period.from(), period.to(), java.time.Instant.now(),
        table.version(), null, null, null, null, null, 0, versions,
        lines(ranking, Audience.COUNTY), lines(ranking, Audience.DEPARTMENT), List.of());
  }

  private static List<ReportView.LineView> lines(Ranking ranking, Audience audience) {
    return ranking.of(audience).stream().map(ReportView.LineView::of).toList();
  }
}
