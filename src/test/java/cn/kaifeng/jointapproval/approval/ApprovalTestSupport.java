package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives the joint approval process in tests: registration, tasks, jobs and the clock. */
public abstract class ApprovalTestSupport {

  @Autowired protected ProjectRegistrationService registration;
  @Autowired protected ProjectViews views;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected CalendarService calendar;
  @Autowired protected ProjectItemRepository projectItems;

  /** Registers as the key projects office and opens the first stage (its job) as the engine would. */
  protected ProjectView register(Map<String, Object> body) {
    String code = registration.register(body, "keyoffice", List.of("key-projects-office"));
    openFirstStage(code);
    return views.of(code);
  }

  /** Runs the job that opens the first stage of a registered project (not its mails). */
  protected void openFirstStage(String code) {
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("joint-approval").list()
        .forEach(instance -> managementService.createJobQuery()
            .processInstanceId(instance.getId()).messages().list()
            .forEach(job -> managementService.executeJob(job.getId())));
  }

  protected static void today(String date) {
    today(LocalDate.parse(date));
  }

  /** Sets the engine clock to nine in the morning, Beijing time, of {@code date}. */
  protected static void today(LocalDate date) {
    ClockUtil.setCurrentTime(new java.util.Date(
        ChinaTime.startOf(date).getTime() + 9 * 3600_000L));
  }

  protected LocalDate addWorkingDays(LocalDate from, int days) {
    return calendar.calendar().add(from, days);
  }

  /** The running approval-item instance the ledger bound to the item (null if none runs). */
  protected ProcessInstance item(String projectCode, String itemCode) {
    // Not by the itemCode variable: tests complete tasks with forged ones.
    String bound = projectItems.find(projectCode, itemCode).map(ProjectItem::processInstanceId)
        .orElse(null);
    return bound == null ? null : runtimeService.createProcessInstanceQuery()
        .processInstanceId(bound).singleResult();
  }

  protected Task task(String projectCode, String itemCode, String taskKey) {
    var instance = item(projectCode, itemCode);
    return instance == null ? null : taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  protected Task review(String projectCode, String itemCode) {
    return task(projectCode, itemCode, "reviewItem");
  }

  protected ProjectView.Item itemView(String projectCode, String itemCode) {
    return views.of(projectCode).items().stream()
        .filter(i -> i.itemCode().equals(itemCode)).findFirst().orElseThrow();
  }

  /** Completes a task and runs the asynchronous continuations it left (not timers). */
  protected void complete(Task task, Map<String, Object> variables) {
    taskService.complete(task.getId(), variables);
    runContinuations();
  }

  protected void approve(String projectCode, String itemCode) {
    complete(review(projectCode, itemCode), Map.of("outcome", "APPROVED", "opinion", "同意"));
  }

  protected void runContinuations() {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().messages().executable().list()).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Fires the timer of a boundary event of the project's item (it must be due). */
  protected void fireTimer(String projectCode, String itemCode, String timerId) {
    var job = managementService.createJobQuery()
        .processInstanceId(item(projectCode, itemCode).getId()).timers().activityId(timerId)
        .singleResult();
    managementService.executeJob(job.getId());
    runContinuations();
  }

  protected Job timer(String processInstanceId, String timerId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(timerId).singleResult();
  }

  /** Approves every open item of the project, stage by stage, until none is left. */
  protected void approveEverything(String projectCode) {
    List<Task> open;
    while (!(open = taskService.createTaskQuery().processInstanceBusinessKey(projectCode)
        .taskDefinitionKey("reviewItem").list()).isEmpty()) {
      for (var task : open) {
        complete(task, Map.of("outcome", "APPROVED", "opinion", "同意"));
      }
    }
  }

  /** How many coordinations (platform matters) the project's items opened so far. */
  protected long coordinations(String code) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey("coordination").processInstanceBusinessKey(code).count();
  }

  /** Fires a timer of the item if it is due now; {@code false} if there is none or not yet. */
  protected boolean fireIfDue(String code, String itemCode, String timerId) {
    var job = timer(item(code, itemCode).getId(), timerId);
    if (job == null || job.getDuedate().after(ClockUtil.getCurrentTime())) {
      return false;
    }
    managementService.executeJob(job.getId());
    runContinuations();
    return true;
  }
}
