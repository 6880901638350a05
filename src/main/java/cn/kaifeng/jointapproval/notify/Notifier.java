package cn.kaifeng.jointapproval.notify;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Queues a mail: starts a {@code send-mail} process in the caller's transaction. It is sent by
 * the job executor only after that transaction commits (a rolled-back step sends nothing), retried
 * on failure, and a mail that still fails becomes an incident in Cockpit while the work that
 * caused it goes on.
 */
@Component
public class Notifier {

  public static final String PROCESS_KEY = "send-mail";

  private final RuntimeService runtimeService;

  public Notifier(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Mails the members of {@code groups} (those with an address) using {@code template}. */
  public void toGroups(String template, Collection<String> groups, Map<String, ?> model) {
    queue(template, List.copyOf(groups), List.of(), model);
  }

  public void toUser(String template, String userId, Map<String, ?> model) {
    queue(template, List.of(), List.of(userId), model);
  }

  /** One mail to the members of {@code groups} and to {@code users} together. */
  public void to(String template, Collection<String> groups, Collection<String> users,
      Map<String, ?> model) {
    queue(template, List.copyOf(groups), List.copyOf(users), model);
  }

  private void queue(String template, List<String> groups, List<String> users,
      Map<String, ?> model) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("template", template);
    // Plain strings, not JSON lists: a list is a serialized object with a byte array beside its
    // row, its history and its detail, eight statements more per mail.
    variables.put("recipientGroups", Recipients.join(groups));
    variables.put("recipientUsers", Recipients.join(users));
    Map<String, String> values = new LinkedHashMap<>();
    model.forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
    variables.put("mailModel", values);
    Object projectCode = model.get("projectCode");
    runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        projectCode == null ? null : projectCode.toString(), variables);
  }
}
