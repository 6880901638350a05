package cn.kaifeng.jointapproval.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Computes a period's ranking: the figures of every unit ({@link Figures}), the points of each
 * rule the scoring table knows ({@link ScoringTable}), totals, ranks per audience, the change
 * against the previous period's published report, and the flags (top three, last).
 */
@Component
public class ReportCalculator {

  static final String TOP = "TOP";
  static final String LAST = "LAST";
  private static final int TOP_PLACES = 3;

  private final Figures figures;
  private final ScoringTable table;
  private final ReportUnits units;
  private final ReportRepository reports;

  public ReportCalculator(Figures figures, ScoringTable table, ReportUnits units,
      ReportRepository reports) {
    this.figures = figures;
    this.table = table;
    this.units = units;
    this.reports = reports;
  }

  public Ranking compute(Period period) {
    var counted = figures.of(units.all(), period.from(), period.to());
    var previous = reports.currentPublished(period.previous().code())
        .map(r -> reports.ranking(r.id())).orElse(null);
    List<Ranking.Line> lines = new ArrayList<>();
    for (var audience : Audience.values()) {
      lines.addAll(rank(audience, counted, previous));
    }
    return new Ranking(lines);
  }

  private List<Ranking.Line> rank(Audience audience, Map<String, Map<Rule, BigDecimal>> counted,
      Ranking previous) {
    record Scored(ReportUnit unit, List<Ranking.Score> scores, BigDecimal total) {}
    var weights = new java.util.EnumMap<Rule, ScoringTable.Weight>(Rule.class);
    for (var rule : Rule.of(audience)) {
      table.weight(audience, rule).ifPresent(w -> weights.put(rule, w));
    }
    List<Scored> scored = new ArrayList<>();
    for (var unit : units.of(audience)) {
      var row = counted.get(unit.group());
      List<Ranking.Score> scores = new ArrayList<>();
      BigDecimal total = BigDecimal.ZERO.setScale(2);
      for (var entry : weights.entrySet()) {
        var figure = row.get(entry.getKey());
        var points = entry.getValue().points(figure);
        scores.add(new Ranking.Score(entry.getKey().name(), entry.getKey().label(), figure,
            entry.getValue().weight(), points));
        total = total.add(points);
      }
      scored.add(new Scored(unit, scores, total));
    }
    scored.sort(Comparator.comparing(Scored::total).reversed()
        .thenComparing(s -> s.unit().group()));
    int lastRank = 0;
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      int rank = i > 0 && scored.get(i).total().compareTo(scored.get(i - 1).total()) == 0
          ? ranks.get(i - 1) : i + 1;
      ranks.add(rank);
      lastRank = rank;
    }
    List<Ranking.Line> lines = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      var s = scored.get(i);
      int rank = ranks.get(i);
      // Everybody equal (a month with nothing to count) is no ranking: nobody is flagged.
      String flag = lastRank == 1 ? null : rank == lastRank ? LAST : rank <= TOP_PLACES ? TOP
          : null;
      Integer before = previous == null ? null
          : previous.line(s.unit().group()).map(Ranking.Line::rank).orElse(null);
      lines.add(new Ranking.Line(s.unit().group(), s.unit().name(), audience, s.scores(),
          s.total(), rank, before, flag));
    }
    return lines;
  }
}
