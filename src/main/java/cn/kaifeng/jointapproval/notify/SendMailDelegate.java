package cn.kaifeng.jointapproval.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 发送邮件 of the {@code send-mail} process: renders the template and sends it to the current
 * members of the recipient groups and users who have an e-mail address. Runs as a job: an
 * exception is retried, then an incident. Only for send-mail instances queued before the outbox
 * (instances waiting in a database at the upgrade); {@link Notifier} starts none any more.
 */
@Component
public class SendMailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendMailDelegate.class);

  private final IdentityService identityService;
  private final MailTemplates templates;
  private final MailGateway gateway;

  public SendMailDelegate(IdentityService identityService, MailTemplates templates,
      MailGateway gateway) {
    this.identityService = identityService;
    this.templates = templates;
    this.gateway = gateway;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariable("template");
    var groups = Recipients.split(execution.getVariable("recipientGroups"));
    var users = Recipients.split(execution.getVariable("recipientUsers"));
    var model = (Map<String, String>) execution.getVariable("mailModel");
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groups) {
      identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
          .forEach(user -> add(addresses, user.getEmail()));
    }
    for (String userId : users) {
      var user = identityService.createUserQuery().userId(userId).singleResult();
      if (user != null) {
        add(addresses, user.getEmail());
      }
    }
    if (addresses.isEmpty()) {
      log.info("Mail {} has no recipient with an address (groups {}, users {})", template, groups,
          users);
      return;
    }
    gateway.send(execution.getProcessInstanceId(), new ArrayList<>(addresses),
        templates.render(template, model));
  }

  private static void add(Set<String> addresses, String email) {
    if (email != null && !email.isBlank()) {
      addresses.add(email);
    }
  }
}
