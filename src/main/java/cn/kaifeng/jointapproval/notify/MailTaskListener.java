package cn.kaifeng.jointapproval.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Tells a task's candidate groups by mail that it is waiting for them. The template is the user
 * task's extension property {@code mail} (set in the model, 扩展属性); the mail links to the task in
 * Tasklist.
 *
 * <p>A property of the model, not a variable: an input parameter {@code mail}, as before, was a
 * variable written, historised and deleted with every task (four statements per approval item)
 * and made the task a variable scope of its own. For process versions deployed before, the input
 * parameter's text in the model is read instead; the variable itself is never trusted.
 */
@Component
public class MailTaskListener implements TaskListener {

  /** Process variables a template may use, when the task sees them. */
  private static final List<String> FACTS = List.of("projectName", "projectCode", "itemName",
      "departmentName", "countyName", "dueOn", "opinion", "decision", "deadlineDays",
      "responsibleUnitName", "coordinationReason", "decisionSource");

  private final Notifier notifier;
  private final NotifyProperties properties;
  /** Template per process definition and task: a deployed definition never changes. */
  private final Map<String, Optional<String>> templates = new ConcurrentHashMap<>();

  public MailTaskListener(Notifier notifier, NotifyProperties properties) {
    this.notifier = notifier;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    String template = templates.computeIfAbsent(
            task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
            key -> templateOf(task))
        .orElse(null);
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

  private static Optional<String> templateOf(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getExtensionElements() == null) {
      return Optional.empty();
    }
    var extensions = userTask.getExtensionElements().getElementsQuery();
    var property = extensions.filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(p -> "mail".equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst();
    if (property.isPresent()) {
      return property;
    }
    return extensions.filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(p -> "mail".equals(p.getCamundaName()))
        .map(p -> p.getTextContent().trim())
        // Those versions named their template literally; an expression would need a variable.
        .filter(text -> !text.contains("${") && !text.contains("#{")).findFirst();
  }
}
