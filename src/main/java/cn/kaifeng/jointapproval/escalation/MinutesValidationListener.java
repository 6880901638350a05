package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses minutes that cannot be carried out: every matter on the agenda needs a decision, a
 * responsible unit (a department's section or a county) and a deadline of 1–250 working days.
 * The task stays open and the message names every problem.
 */
@Component
public class MinutesValidationListener implements TaskListener {

  private final MatterRepository matters;
  private final Set<String> units;

  public MinutesValidationListener(MatterRepository matters, IdentityCatalog catalog) {
    this.matters = matters;
    this.units = catalog.groups().stream().map(IdentityCatalog.GroupEntry::id)
        .filter(g -> g.startsWith("approval-") || g.startsWith("county-"))
        .collect(Collectors.toSet());
  }

  @Override
  public void notify(DelegateTask task) {
    var entries = Minutes.read(task.getVariable("agenda"));
    List<String> problems = new ArrayList<>();
    Set<String> decided = new HashSet<>();
    for (var entry : entries) {
      String label = entry.title() == null ? entry.matterId() : entry.title();
      if (entry.decision() == null || entry.decision().isBlank()) {
        problems.add(label + "：请填写会议决定");
      }
      if (entry.responsibleUnit() == null || !units.contains(entry.responsibleUnit())) {
        problems.add(label + "：责任单位须为审批科室或县区（收到 " + entry.responsibleUnit() + "）");
      }
      if (entry.deadlineDays() == null || entry.deadlineDays() < 1 || entry.deadlineDays() > 250) {
        problems.add(label + "：落实期限须为 1–250 个工作日");
      }
      decided.add(entry.matterId());
    }
    for (var matter : matters.onAgendaOf(task.getProcessInstanceId())) {
      if (!decided.contains(matter.id())) {
        problems.add(matter.id() + "：议程上的事项缺少会议决定");
      }
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("会议纪要不完整：" + String.join("；", problems));
    }
  }
}
