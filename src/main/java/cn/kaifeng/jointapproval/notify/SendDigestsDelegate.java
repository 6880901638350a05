package cn.kaifeng.jointapproval.notify;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * 发送每日待办摘要: one mail per user with an address who has open tasks for their groups, the
 * earliest due date first, each with its light; nobody gets an empty digest.
 */
@Component
public class SendDigestsDelegate implements JavaDelegate {

  private final IdentityService identityService;
  private final TaskService taskService;
  private final Notifier notifier;
  private final NotifyProperties properties;

  public SendDigestsDelegate(IdentityService identityService, TaskService taskService,
      Notifier notifier, NotifyProperties properties) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.notifier = notifier;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    int sent = 0;
    for (var user : identityService.createUserQuery().orderByUserId().asc().list()) {
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        continue;
      }
      var groups = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
          .map(Group::getId).filter(g -> !g.equals("camunda-admin")).toList();
      if (groups.isEmpty()) {
        continue;
      }
      var tasks = taskService.createTaskQuery().taskCandidateGroupIn(groups)
          .includeAssignedTasks().orderByDueDate().asc().list();
      if (tasks.isEmpty()) {
        continue;
      }
      StringBuilder rows = new StringBuilder();
      StringBuilder rowsHtml = new StringBuilder();
      for (Task task : tasks) {
        String light = light(task, now);
        String due = task.getDueDate() == null ? "—"
            : ChinaTime.dateOf(task.getDueDate()).toString();
        rows.append("【").append(light).append("】").append(due).append("  ")
            .append(task.getName()).append('\n');
        rowsHtml.append("<tr><td>").append(light).append("</td><td>").append(due)
            .append("</td><td><a href=\"")
            .append(HtmlUtils.htmlEscape(properties.tasklistUrl() + "#/?task=" + task.getId()))
            .append("\">").append(HtmlUtils.htmlEscape(task.getName(), "UTF-8"))
            .append("</a></td></tr>\n");
      }
      Map<String, Object> model = new HashMap<>();
      model.put("userName", (user.getLastName() == null ? "" : user.getLastName())
          + (user.getFirstName() == null ? "" : user.getFirstName()));
      model.put("date", ChinaTime.dateOf(now).toString());
      model.put("count", tasks.size());
      model.put("rows", rows.toString());
      model.put("rowsHtml", rowsHtml.toString());
      model.put("tasklistUrl", properties.tasklistUrl());
      notifier.toUser("daily-digest", user.getId(), model);
      sent++;
    }
    execution.setVariable("digestsQueued", sent);
  }

  static String light(Task task, Date now) {
    if (task.getDueDate() != null && now.after(task.getDueDate())) {
      return "红灯·已超期";
    }
    if (task.getFollowUpDate() != null && !now.before(task.getFollowUpDate())) {
      return "黄灯·即将到期";
    }
    return "绿灯";
  }
}
