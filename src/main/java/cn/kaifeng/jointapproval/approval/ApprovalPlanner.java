package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.deadline.DeadlineCalculator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Lays the required items out in stages: items of one stage run in parallel, a stage starts when
 * the previous one's longest promise has run out, and every item's due date lies inside the
 * track's limit (a promise that would pass it is cut back to the limit).
 */
@Component
public class ApprovalPlanner {

  /** An item with the working day its clock starts after, and its (possibly cut) promise. */
  public record PlannedItem(RequiredItem item, int offsetDays, LocalDate clockStart,
      int promisedDays, boolean cut) {}

  private final DeadlineCalculator calculator;

  public ApprovalPlanner(DeadlineCalculator calculator) {
    this.calculator = calculator;
  }

  public List<PlannedItem> plan(LocalDate start, int limitDays, List<RequiredItem> items) {
    Map<Integer, List<RequiredItem>> byStage = items.stream()
        .collect(Collectors.groupingBy(RequiredItem::stage, TreeMap::new, Collectors.toList()));
    List<PlannedItem> planned = new ArrayList<>();
    int offset = 0;
    for (var stage : byStage.values()) {
      int window = 0;
      // A stage never starts later than the limit's last day, so even a cut item ends inside it.
      int stageOffset = Math.min(offset, limitDays - 1);
      LocalDate clockStart = calculator.dueDate(start, stageOffset);
      for (var item : stage.stream().sorted(Comparator.comparing(RequiredItem::itemCode)).toList()) {
        int promised = Math.min(item.promisedDays(), limitDays - stageOffset);
        planned.add(new PlannedItem(item, stageOffset, clockStart, promised,
            promised < item.promisedDays()));
        window = Math.max(window, promised);
      }
      offset += window;
    }
    return planned;
  }
}
