package cn.kaifeng.jointapproval.report;

import java.math.BigDecimal;
import java.util.List;

/** A period's ranking: every unit's line with its scores, as computed or as stored. */
public record Ranking(List<Line> lines) {

  /** One rule of a line: the figure (null: no base), the weight used and the points. */
  public record Score(String rule, String name, BigDecimal figure, BigDecimal weight,
      BigDecimal points) {}

  /**
   * A unit's line: its scores, total, rank among its audience (equal totals share a rank), its
   * rank in the previous period's published report, and the flag: TOP (first three) or LAST.
   */
  public record Line(String unit, String unitName, Audience audience, List<Score> scores,
      BigDecimal total, int rank, Integer previousRank, String flag) {

    /** Places gained since the previous period (negative: lost); null when there is none. */
    public Integer change() {
      return previousRank == null ? null : previousRank - rank;
    }
  }

  public List<Line> of(Audience audience) {
    return lines.stream().filter(l -> l.audience() == audience).toList();
  }

  public java.util.Optional<Line> line(String unit) {
    return lines.stream().filter(l -> l.unit().equals(unit)).findFirst();
  }
}
