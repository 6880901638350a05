package cn.kaifeng.jointapproval.report;

import java.time.Instant;

/** One version of a period's report as stored (evaluation_report). */
public record Report(long id, String period, int version, String status,
    String processInstanceId, Instant computedAt, Integer decisionVersion, String commentary,
    int sendBacks, String changes, String reason, String requestedBy, Instant publishedAt,
    String publishedBy) {

  public static final String DRAFT = "DRAFT";
  public static final String PUBLISHED = "PUBLISHED";

  public boolean published() {
    return PUBLISHED.equals(status);
  }

  public Period parsedPeriod() {
    return Period.parse(period, "period");
  }
}
