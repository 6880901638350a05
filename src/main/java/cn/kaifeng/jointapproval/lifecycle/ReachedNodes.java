package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;

import java.time.LocalDate;
import java.util.Map;

/**
 * The nodes a project has passed: every node up to the furthest one reached (a project registered
 * at 签约 has passed 谋划 and 在谈 too), with the date of those whose date is recorded.
 */
public record ReachedNodes(Node furthest, Map<Node, LocalDate> dates) {

  public ReachedNodes {
    dates = Map.copyOf(dates);
  }

  public boolean reached(Node node) {
    return furthest != null && node.ordinal() <= furthest.ordinal();
  }

  /** The recorded date of a reached node, or null. */
  public LocalDate dateOf(Node node) {
    return dates.get(node);
  }

  /** The latest recorded date of any reached node, or null: planned dates may not lie before it. */
  public LocalDate lastDate() {
    return dates.values().stream().max(LocalDate::compareTo).orElse(null);
  }
}
