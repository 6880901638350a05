package cn.kaifeng.jointapproval.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Tells a task's candidate groups by mail that it is waiting for them. The template is the task's
 * input parameter {@code mail} (set in the model); the mail links to the task in Tasklist.
 */
@Component
public class MailTaskListener implements TaskListener {

  /** Process variables a template may use, when the task sees them. */
  private static final List<String> FACTS = List.of("projectName", "projectCode", "itemName",
      "departmentName", "countyName", "dueOn", "opinion", "decision", "deadlineDays",
      "responsibleUnitName", "coordinationReason", "decisionSource");

  private final Notifier notifier;
  private final NotifyProperties properties;

  public MailTaskListener(Notifier notifier, NotifyProperties properties) {
    this.notifier = notifier;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    String template = (String) task.getVariable("mail");
    if (template == null) {
      return;
    }
    var groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId()).filter(g -> g != null).toList();
    Map<String, Object> model = new HashMap<>();
    for (String fact : FACTS) {
      model.put(fact, task.getVariable(fact));
    }
    model.put("taskName", task.getName());
    model.put("taskUrl", properties.tasklistUrl() + "#/?task=" + task.getId());
    notifier.toGroups(template, groups, model);
  }
}
