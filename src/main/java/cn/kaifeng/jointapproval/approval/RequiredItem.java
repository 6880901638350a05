package cn.kaifeng.jointapproval.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One row of the {@code approval-items} decision's result. */
public record RequiredItem(String itemCode, String itemName, String department, int stage,
    int promisedDays) {

  /** Reads the decision result (a list of output maps), naming what a designer got wrong. */
  public static List<RequiredItem> fromDecision(List<Map<String, Object>> rows) {
    List<RequiredItem> items = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (var row : rows) {
      Object code = row.get("itemCode");
      Object name = row.get("itemName");
      Object department = row.get("department");
      Object stage = row.get("stage");
      Object days = row.get("promisedDays");
      if (!(code instanceof String) || !(name instanceof String)
          || !(department instanceof String) || !(stage instanceof Number)
          || !(days instanceof Number)) {
        problems.add(row.toString());
        continue;
      }
      items.add(new RequiredItem((String) code, (String) name, (String) department,
          ((Number) stage).intValue(), ((Number) days).intValue()));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("审批事项决策表 approval-items 的输出不完整（须有 itemCode、itemName、"
          + "department、stage、promisedDays）：" + problems);
    }
    return items;
  }
}
