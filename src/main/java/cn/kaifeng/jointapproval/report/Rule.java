package cn.kaifeng.jointapproval.report;

import java.util.List;

/**
 * The figures of DOMAIN.md §8.5 that a report counts, in report order. Which of them score, for
 * whom and how much is the evaluation-score DMN table's business, not this list's.
 */
public enum Rule {
  DAYS_SAVED("审批节约工作日", Audience.COUNTY),
  DAYS_OVER("审批超时限工作日", Audience.COUNTY),
  ITEMS_ON_TIME("按时办结审批事项", Audience.DEPARTMENT),
  ITEMS_OVERDUE("超期审批事项", Audience.DEPARTMENT),
  START_RATE("开工率", Audience.COUNTY),
  INVESTMENT_RATE("投资完成率", Audience.COUNTY),
  COMPLETION_RATE("竣工率", Audience.COUNTY),
  NEW_RESERVE("新增谋划项目", Audience.COUNTY),
  NEW_NEGOTIATING("新增在谈项目", Audience.COUNTY),
  NEW_SIGNED("新增签约项目", Audience.COUNTY),
  NEW_LANDED("新增落地项目", Audience.COUNTY),
  FORTUNE500("500强企业签约", Audience.COUNTY),
  BILLION("10亿元以上项目落地", Audience.COUNTY),
  PROVINCIAL_KEY("省重点项目", Audience.COUNTY),
  INDUSTRY_CHAIN("“8+1”产业链项目", Audience.COUNTY),
  OVERDUE_PROBLEMS("超期未办结问题", null),
  OVERDUE_CASES("超期督办件", null),
  ACCOUNTABILITY("批准的问责建议", null);

  private final String label;
  /** Whose figure it is; null for both. */
  private final Audience audience;

  Rule(String label, Audience audience) {
    this.label = label;
    this.audience = audience;
  }

  public String label() {
    return label;
  }

  public boolean appliesTo(Audience who) {
    return audience == null || audience == who;
  }

  public static List<Rule> of(Audience who) {
    return java.util.Arrays.stream(values()).filter(r -> r.appliesTo(who)).toList();
  }
}
