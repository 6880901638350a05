package cn.kaifeng.jointapproval.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report as the API and the page show it. {@code status}: {@code DRAFT}, {@code PUBLISHED}, or
 * {@code PRELIMINARY} for a period computed on request and not stored (no {@code id} then).
 * {@code current}: this is the highest published version of its period.
 */
public record ReportView(Long id, String period, String periodLabel, String kind, Integer version,
    String status, boolean current, LocalDate from, LocalDate to, Instant computedAt,
    Integer decisionVersion, String commentary, String changes, String reason,
    Instant publishedAt, String publishedBy, int sendBacks, List<VersionView> versions,
    List<LineView> counties, List<LineView> departments, List<StatementView> statements) {

  public static final String PRELIMINARY = "PRELIMINARY";

  public record VersionView(long id, int version, String status, Instant publishedAt,
      String changes) {}

  public record LineView(String unit, String unitName, BigDecimal total, int rank,
      Integer previousRank, Integer change, String flag, List<Ranking.Score> scores) {

    static LineView of(Ranking.Line line) {
      return new LineView(line.unit(), line.unitName(), line.total(), line.rank(),
          line.previousRank(), line.change(), line.flag(), line.scores());
    }
  }

  public record StatementView(String unit, String unitName, LocalDate dueOn,
      boolean consecutive, String matterId, String causes, String measures, String submittedBy,
      Instant submittedAt) {

    static StatementView of(Statement s) {
      return new StatementView(s.unit(), s.unitName(), s.dueOn(), s.consecutive(), s.matterId(),
          s.causes(), s.measures(), s.submittedBy(), s.submittedAt());
    }
  }
}
