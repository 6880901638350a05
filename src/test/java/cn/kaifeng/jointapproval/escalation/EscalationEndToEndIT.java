package cn.kaifeng.jointapproval.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.approval.NodeReports;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import cn.kaifeng.jointapproval.support.FirstStage;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One project on PostgreSQL from registration through coordination, the executive vice mayor's
 * meeting and supervision back to its section and on to construction start, each task completed
 * by a user of the group it belongs to.
 */
@ExtendWith(SharedPostgres.class)
class EscalationEndToEndIT {

  private static ConfigurableApplicationContext app;
  private static TaskService taskService;
  private static ManagementService managementService;
  private static IdentityService identityService;

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = database.startApplication();
    taskService = app.getBean(TaskService.class);
    managementService = app.getBean(ManagementService.class);
    identityService = app.getBean(IdentityService.class);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** Completes the one open task with this key as {@code user}, who must be a candidate. */
  private static void work(String code, String taskKey, String user, String group,
      Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(taskKey).taskCandidateGroup(group)
        .processVariableValueEquals("itemCode", "zrzy-site").singleResult();
    assertThat(task).as(taskKey + " for " + group).isNotNull();
    identityService.setAuthentication(user, List.of(group));
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();
  }

  private static void runJobs() {
    List<org.camunda.bpm.engine.runtime.Job> jobs;
    while (!(jobs = managementService.createJobQuery().messages().executable().list())
        .isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  @Test
  void fromRegistrationThroughTheMeetingAndSupervisionToConstructionStart() {
    var views = app.getBean(ProjectViews.class);
    var runtimeService = app.getBean(RuntimeService.class);
    var code = ProjectFixtures.newCode("E2E");
    app.getBean(ProjectRegistrationService.class).register(
        ProjectFixtures.body(code, ChinaTime.today().minusDays(1).toString()), "keyoffice",
        List.of("key-projects-office"));
    FirstStage.open(app, code);

    // The land-site item needs several departments; the platform cannot solve it.
    work(code, "reviewItem", "officer-zrzy", "approval-zrzy", Map.of(
        "outcome", "NEEDS_COORDINATION", "opinion", "选址涉及生态红线"));
    work(code, "coordinate", "coordinator", "joint-review-platform", Map.of(
        "coordinationNote", "征求林业意见", "coordinationResult", "ASK_OPINIONS",
        "opinionDepartments", SpinValues.jsonValue("[\"lyj\"]").create()));
    work(code, "giveOpinion", "officer-lyj", "approval-lyj", Map.of(
        "departmentOpinion", "需重新划定红线"));
    work(code, "coordinate", "coordinator", "joint-review-platform", Map.of(
        "coordinationNote", "部门意见不一致", "coordinationResult", "UNRESOLVED"));
    assertThat(views.of(code).matters().get(0).stage()).isEqualTo("ON_AGENDA");

    // The weekly meeting opens its agenda, takes the matter, closes and decides.
    var opener = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    managementService.executeJob(opener.getId());
    var meeting = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("vice-mayor-meeting").singleResult();
    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(meeting.getId()).activityId("agendaCloses").singleResult().getId());
    var prepare = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    identityService.setAuthentication("vicemayor", List.of("executive-vice-mayor"));
    taskService.complete(prepare.getId(), Map.of("meetingDate", ChinaTime.today().toString()));
    var minutes = taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult();
    String matterId = views.of(code).matters().get(0).matterId();
    taskService.complete(minutes.getId(), Map.of("agenda", SpinValues.jsonValue(
        "[{\"matterId\":\"" + matterId + "\",\"decision\":\"由市林业局重新划定红线\","
            + "\"responsibleUnit\":\"approval-lyj\",\"deadlineDays\":10}]").create()));
    identityService.clearAuthentication();
    runJobs();
    assertThat(views.of(code).matters().get(0).stage()).isEqualTo("SUPERVISION");

    // The forestry section carries it out; the supervision bureau accepts.
    work(code, "carryOut", "officer-lyj", "approval-lyj", Map.of("report", "红线已重新划定"));
    work(code, "verifyCase", "supervisor", "supervision-bureau", Map.of(
        "verification", "ACCEPTED", "verificationNote", "已落实"));
    assertThat(views.of(code).matters().get(0).stage()).isEqualTo("CLOSED");

    // Back with its section, then every item to the end.
    List<Task> open;
    while (!(open = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("reviewItem").list()).isEmpty()) {
      for (var task : open) {
        taskService.complete(task.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
      }
      runJobs();
    }
    var done = views.of(code);
    assertThat(done.status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    assertThat(done.workingDaysUsed()).isNotNull();
    // Ready is a node: the project's instance waits for the construction start, which the
    // county's chief service officer records.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isEqualTo(1);
    app.getBean(NodeReports.class).record(code,
        Map.of("node", "STARTED", "date", ChinaTime.today().toString()), "cso-lankao",
        List.of("county-lankao"));
    runJobs();
    var started = views.of(code);
    assertThat(started.status()).isEqualTo(ProjectStatus.STARTED);
    assertThat(started.startedOn()).isEqualTo(ChinaTime.today());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isZero();
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    assertThat(done.history()).extracting(e -> e.event()).containsSubsequence("REGISTERED",
        "COORDINATION_REQUESTED", "MATTER_OPENED", "OPINIONS_REQUESTED", "OPINION_GIVEN",
        "MATTER_ESCALATED", "MATTER_ON_AGENDA", "MATTER_DECIDED", "CASE_OPENED",
        "CASE_REPORTED", "CASE_ACCEPTED", "COORDINATED", "READY_FOR_CONSTRUCTION");
    assertThat(started.history()).extracting(e -> e.event()).last().isEqualTo("STARTED");
  }
}
