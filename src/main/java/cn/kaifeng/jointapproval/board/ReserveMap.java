package cn.kaifeng.jointapproval.board;

import java.util.List;

/**
 * The reserve landing plan map (储备项目落地计划图) of a year: per county and node before
 * construction (谋划, 在谈, 签约, 落地) the projects that reached the node in the year against the
 * county's target for it, and the projects standing at the node now.
 */
record ReserveMap(int year, List<NodeName> nodes, List<CountyRow> counties, boolean editable) {

  record NodeName(String node, String name) {}

  record CountyRow(String county, String countyName, List<Cell> cells) {}

  /**
   * {@code reached}: projects that reached the node in the year; {@code target}: the county's
   * target (null when none is set); {@code current}: projects whose furthest node it is now.
   */
  record Cell(String node, long reached, Integer target, long current) {}
}
