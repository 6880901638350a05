package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Refuses a coordination result the process cannot act on, whatever client completes the task:
 * one of the three results, a note, and for opinions at least one known approval section. The
 * departments become {@code opinionGroups}, one opinion task each.
 */
@Component
public class CoordinationResultListener implements TaskListener {

  public static final Set<String> RESULTS = Set.of("RESOLVED", "ASK_OPINIONS", "UNRESOLVED");

  private final Set<String> groups;

  public CoordinationResultListener(IdentityCatalog catalog) {
    this.groups = catalog.groups().stream().map(IdentityCatalog.GroupEntry::id)
        .filter(g -> g.startsWith("approval-")).collect(Collectors.toSet());
  }

  @Override
  public void notify(DelegateTask task) {
    Object result = task.getVariable("coordinationResult");
    if (!(result instanceof String value) || !RESULTS.contains(value)) {
      throw SubmissionRejectedException.of("coordinationResult",
          "请选择协调结果（RESOLVED、ASK_OPINIONS 或 UNRESOLVED）");
    }
    if (!(task.getVariable("coordinationNote") instanceof String note) || note.isBlank()) {
      throw SubmissionRejectedException.of("coordinationNote", "请填写协调情况");
    }
    if (!"ASK_OPINIONS".equals(value)) {
      return;
    }
    List<String> asked = new ArrayList<>();
    for (String department : departments(task.getVariable("opinionDepartments"))) {
      String group = department.startsWith("approval-") ? department : "approval-" + department;
      if (!groups.contains(group)) {
        throw SubmissionRejectedException.of("opinionDepartments", "未知的审批科室：" + department);
      }
      if (!asked.contains(group)) {
        asked.add(group);
      }
    }
    if (asked.isEmpty()) {
      throw SubmissionRejectedException.of("opinionDepartments", "征求意见时请至少选择一个审批科室");
    }
    task.setVariable("opinionGroups", asked);
  }

  private static List<String> departments(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> result.add(e.stringValue()));
    } else if (value instanceof List<?> list) {
      list.forEach(e -> result.add(String.valueOf(e)));
    } else if (value instanceof String text && !text.isBlank()) {
      for (String part : text.split(",")) {
        result.add(part.strip());
      }
    }
    return result;
  }
}
