package cn.kaifeng.jointapproval.board;

import java.util.List;
import java.util.Map;

/**
 * The city overview (全市总览): projects by county and light and by node, the open findings of plan
 * against fact, open and overdue problems, overdue supervision cases. Every figure counts what
 * the reader may read, and each has the list behind it on the board.
 */
record CityOverview(
    String today,
    List<CountyRow> counties,
    List<Count> nodes,
    List<Count> alerts,
    List<Count> problems,
    long overdueProblems,
    List<Count> overdueCases,
    long projects) {

  /** One county: its projects per light and in total. */
  record CountyRow(String county, String countyName, Map<String, Long> lights, long total) {}

  /** A figure with its code and Chinese name. */
  record Count(String code, String name, long count) {}
}
