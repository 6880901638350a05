package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import java.util.HashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发送领导周报: one mail (template {@code weekly-report}) to each city leader with an address
 * over all the projects they contract, for the seven days before today; none for a leader whose
 * projects reached no node and have nothing late.
 */
@Component
public class SendWeeklyReportsDelegate implements JavaDelegate {

  private final IdentityService identityService;
  private final WeeklyReport report;
  private final Notifier notifier;
  private final NotifyProperties mail;

  public SendWeeklyReportsDelegate(IdentityService identityService, WeeklyReport report,
      Notifier notifier, NotifyProperties mail) {
    this.identityService = identityService;
    this.report = report;
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = ChinaTime.today();
    var from = today.minusDays(7);
    var to = today.minusDays(1);
    int sent = 0;
    for (var leader : identityService.createUserQuery().memberOfGroup(Roles.CITY_LEADER)
        .orderByUserId().asc().list()) {
      if (leader.getEmail() == null || leader.getEmail().isBlank()) {
        continue;
      }
      var content = report.of(leader.getId(), from, to);
      if (!content.worthSending()) {
        continue;
      }
      var model = new HashMap<String, Object>();
      model.put("leaderName", (leader.getLastName() == null ? "" : leader.getLastName())
          + (leader.getFirstName() == null ? "" : leader.getFirstName()));
      model.put("from", from);
      model.put("to", to);
      model.put("count", content.projects());
      model.put("rows", content.text());
      model.put("rowsHtml", content.html());
      model.put("taskUrl", mail.tasklistUrl());
      notifier.toUser("weekly-report", leader.getId(), model);
      sent++;
    }
    execution.setVariable("reportsQueued", sent);
  }
}
