package cn.kaifeng.jointapproval.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A project's investment for a year as the project page shows it: the plan's figure (null without
 * a plan), the completed sum of the months reported (each month's latest version), 投资完成率 =
 * completed / planned (null without a plan or with a plan of 0), and each month with its versions.
 */
public record InvestmentView(int year, BigDecimal planned, BigDecimal completed,
    BigDecimal completionRate, List<Month> months) {

  /** A reported month: its current figure and note, and how many versions it had. */
  public record Month(String month, BigDecimal investment, String note, String reportedBy,
      Instant reportedAt, String via, int version, List<Correction> earlier) {}

  /** An earlier version that a correction replaced. */
  public record Correction(int version, BigDecimal investment, String reportedBy,
      Instant reportedAt) {}
}
