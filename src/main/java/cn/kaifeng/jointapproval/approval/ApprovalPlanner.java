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
 * Lays the required items out in stages at registration: items of one stage run in parallel, a
 * stage starts when the previous one's longest promise has run out. This is only the forecast that
 * a project shows before its later stages open: an item of stage 2 or 3 is planned anew from the
 * working day its stage really opens ({@code OpenItemDelegate}). Every item keeps its full promise,
 * even past the track's limit (the project then turns yellow when the item opens).
 */
@Component
public class ApprovalPlanner {

  /** An item with the working day its clock starts after and its promise ({@code cut}: never). */
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
      int stageOffset = offset;
      LocalDate clockStart = calculator.dueDate(start, stageOffset);
      for (var item : stage.stream().sorted(Comparator.comparing(RequiredItem::itemCode)).toList()) {
        int promised = item.promisedDays();
        planned.add(new PlannedItem(item, stageOffset, clockStart, promised, false));
        window = Math.max(window, promised);
      }
      offset += window;
    }
    return planned;
  }
}
