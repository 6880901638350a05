package cn.kaifeng.jointapproval.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.approval.NodeReports;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.QueuedMails;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15, point 5: a project past its whole 80/50/30 limit, during the approvals or while waiting
 * for the start, mails the key projects office and the supervision bureau and opens one
 * supervision case for its county and one for each overdue section, once. The engine clock is
 * moved across the months of the limit.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProjectOverrunProcessTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  /** jointapproval.supervision.overrun-case-days in application.yaml. */
  static final int CASE_DAYS = 10;

  @Autowired ProcessEngine engine;
  @Autowired DeadlineService deadlines;
  @Autowired SupervisionCaseRepository cases;
  @Autowired SupervisionProperties properties;
  @Autowired HistoryService historyService;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired IdentityService identityService;
  @Autowired NodeReports starts;

  @BeforeEach
  void setUp() {
    init(engine);
    today(MONDAY);
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  private LocalDate projectDueOn(String code) {
    return deadlines.get("project:" + code).dueOn();
  }

  private List<ProjectView.Case> overrunCases(String code) {
    return views.of(code).cases().stream()
        .filter(c -> c.origin().equals(CaseOrigin.PROJECT_OVERRUN.name())).toList();
  }

  private long escalations(String code) {
    return views.of(code).history().stream()
        .filter(e -> e.event().equals(EscalateProjectOverrunDelegate.EVENT)).count();
  }

  /** Overrun mails queued for the project (each a row of the mail outbox, sent after commit). */
  private long overrunMails(String code) {
    return QueuedMails.count(dataSource, code, EscalateProjectOverrunDelegate.TEMPLATE);
  }

  private Task caseTask(String caseId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(caseId.substring(2))
        .taskDefinitionKey(taskKey).singleResult();
  }

  /** Fires the timer 项目超期 on the approvals or on 等待开工 (it must be due). */
  private void fireProjectTimer(String processInstanceId, String timerId) {
    managementService.executeJob(timer(processInstanceId, timerId).getId());
    runContinuations();
  }

  @Test
  void aProjectPastItsLimitDuringTheApprovalsEscalatesToItsCountyAndItsOverdueSectionsOnce() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("O"), MONDAY.toString()));
    String code = project.code();
    // Stage 1 drags on: two of its items are still with their sections, overdue and red.
    today(addWorkingDays(MONDAY, 30));
    for (var item : views.of(code).items()) {
      if (item.stage() == 1 && !List.of("zrzy-site", "sthj-eia").contains(item.itemCode())) {
        approve(code, item.itemCode());
      }
    }
    fireTimer(code, "zrzy-site", "itemRed");
    fireTimer(code, "sthj-eia", "itemRed");
    var dueOn = projectDueOn(code);
    today(dueOn.plusDays(1));

    fireProjectTimer(project.processInstanceId(), "projectRed");

    var red = views.of(code);
    assertThat(red.light()).isEqualTo(Light.RED);
    int used = calendar.calendar().count(MONDAY, ChinaTime.today());
    assertThat(red.workingDaysUsed()).isEqualTo(used).isGreaterThanOrEqualTo(80);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult())
        .hasPassed("markProjectRed", "escalateProjectOverrun", "projectRedMarked");
    var opened = overrunCases(code);
    assertThat(opened).extracting(ProjectView.Case::responsibleUnit)
        .containsExactlyInAnyOrder("county-lankao", "approval-zrzy", "approval-sthj");
    assertThat(opened).allSatisfy(c -> {
      assertThat(c.matterId()).isNull();
      assertThat(c.itemCode()).isNull();
      assertThat(c.originName()).isEqualTo("项目超期督办要求");
      assertThat(c.decision()).isEqualTo(properties.overrunDecision());
      assertThat(c.deadline()).isEqualTo(addWorkingDays(ChinaTime.today(), CASE_DAYS));
      assertThat(c.status()).isEqualTo("IN_PROGRESS");
      assertThat(c.overdue()).isFalse();
      // Each unit's task is for that unit, due on the case's deadline.
      var carryOut = caseTask(c.caseId(), "carryOut");
      assertThat(carryOut.getName()).isEqualTo("落实督办事项：项目超期（兰考县智能家居产业园项目）");
      assertThat(taskService.getIdentityLinksForTask(carryOut.getId()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(c.responsibleUnit()));
      assertThat(carryOut.getDueDate()).isEqualTo(ChinaTime.endOf(c.deadline()));
    });
    assertThat(red.matters()).isEmpty();
    assertThat(escalations(code)).isEqualTo(1);
    assertThat(red.history()).filteredOn(e -> e.event().equals(EscalateProjectOverrunDelegate.EVENT))
        .singleElement().satisfies(e -> assertThat(e.detail())
            .startsWith("项目超过审批时限：一般项目 80 个工作日，应于 " + dueOn + " 前开工，至今未开工（已用 "
                + used + " 个工作日）；已告知市重点项目办和市委市政府督查局，对兰考县首席服务官、")
            .contains("市自然资源和规划局行政审批科").contains("市生态环境局行政审批科")
            .endsWith("立督办件，限 10 个工作日内落实"));
    assertThat(red.history()).filteredOn(e -> e.event().equals("CASE_OPENED")).hasSize(3);
    assertThat(overrunMails(code)).isEqualTo(1);

    // The step runs again (a timer fired twice, a retried job): nothing more happens.
    runtimeService.createProcessInstanceModification(project.processInstanceId())
        .startBeforeActivity("markProjectRed").execute();
    runContinuations();
    // And the project goes on past its limit until it is ready: the timer on 等待开工 fires too.
    today(dueOn.plusDays(10));
    approveEverything(code);
    assertThat(views.of(code).status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    fireProjectTimer(project.processInstanceId(), "projectRedWhileWaiting");

    assertThat(overrunCases(code)).hasSize(3);
    assertThat(escalations(code)).isEqualTo(1);
    assertThat(overrunMails(code)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(code).count()).isEqualTo(3);
  }

  @Test
  void aProjectPastItsLimitWhileWaitingForTheStartEscalatesToItsCountyWhoseOfficerWorksTheCase() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("O"), MONDAY.toString()));
    String code = project.code();
    today(addWorkingDays(MONDAY, 40));
    approveEverything(code);
    var parent = project.processInstanceId();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(parent)
        .singleResult()).isWaitingAt("awaitStart");
    var dueOn = projectDueOn(code);
    assertThat(timer(parent, "projectRedWhileWaiting").getDuedate())
        .isEqualTo(ChinaTime.startOf(dueOn.plusDays(1)));
    today(dueOn.plusDays(1));

    fireProjectTimer(parent, "projectRedWhileWaiting");

    assertThat(views.of(code).light()).isEqualTo(Light.RED);
    var opened = overrunCases(code);
    assertThat(opened).singleElement().satisfies(c ->
        assertThat(c.responsibleUnit()).isEqualTo("county-lankao"));
    assertThat(overrunMails(code)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(parent)
        .singleResult()).isWaitingAt("awaitStart"); // still waiting for the start

    // The county's chief service officer finds the case in Tasklist and reports.
    String caseId = opened.get(0).caseId();
    identityService.setAuthentication("cso-lankao", List.of("county-lankao"));
    var mine = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("carryOut").list();
    assertThat(mine).extracting(Task::getId)
        .containsExactly(caseTask(caseId, "carryOut").getId());
    assertThat(taskService.getVariable(mine.get(0).getId(), "decisionSource"))
        .isEqualTo("项目超期督办要求");
    // The county's case goes to its named officer; the group stays candidate for a colleague.
    assertThat(mine.get(0).getAssignee()).isEqualTo("cso-lankao");
    assertThat(taskService.getIdentityLinksForTask(mine.get(0).getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("county-lankao"));
    taskService.claim(mine.get(0).getId(), "cso-lankao");
    taskService.complete(mine.get(0).getId(), Map.of("report", "已约谈施工单位，定于下周开工"));
    identityService.clearAuthentication();
    runContinuations();
    assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.REPORTED);

    complete(caseTask(caseId, "verifyCase"), Map.of("verification", "ACCEPTED",
        "verificationNote", "已核实"));
    var closed = views.of(code);
    assertThat(closed.cases()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo("ACCEPTED");
      assertThat(c.closedOn()).isEqualTo(ChinaTime.today());
    });
    assertThat(closed.history()).filteredOn(e -> e.event().equals("CASE_ACCEPTED"))
        .singleElement().satisfies(e -> {
          assertThat(e.itemCode()).isNull();
          assertThat(e.detail()).isEqualTo("督办件 " + caseId + " 核查通过，项目超期督办要求已落实：已核实");
        });
    assertThat(closed.matters()).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(parent)
        .singleResult()).isWaitingAt("awaitStart");
  }

  @Test
  void aProjectStartedBeforeItsLimitIsNeverEscalated() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("O"), MONDAY.toString()));
    String code = project.code();
    today(addWorkingDays(MONDAY, 40));
    approveEverything(code);
    assertThat(timer(project.processInstanceId(), "projectRedWhileWaiting")).isNotNull();
    today(addWorkingDays(MONDAY, 50));
    starts.record(code, Map.of("node", "STARTED", "date", ChinaTime.today().toString()),
        "cso-lankao", List.of("county-lankao"));

    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult()).isNull();
    assertThat(managementService.createJobQuery().processInstanceId(project.processInstanceId())
        .count()).isZero();
    today(projectDueOn(code).plusDays(5));
    var later = views.of(code);
    assertThat(later.light()).isEqualTo(Light.GREEN);
    assertThat(later.cases()).isEmpty();
    assertThat(escalations(code)).isZero();
    assertThat(overrunMails(code)).isZero();
  }

  @Test
  void aSupervisionStartForAProjectOrUnitTheLedgerDoesNotShowIsRefused() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("O"), MONDAY.toString()));
    String code = project.code();
    // In time: no overrun case, whatever the variables say.
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", code,
        Map.of("overrunProjectCode", code, "responsibleUnit", "county-lankao")))
        .hasMessageContaining("没有超过审批时限");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", code,
        Map.of("overrunProjectCode", "NO-SUCH", "responsibleUnit", "county-lankao")))
        .hasMessageContaining("项目 NO-SUCH 不存在");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", code,
        Map.of("responsibleUnit", "county-lankao")))
        .hasMessageContaining("没有给出会议决定的协调事项");

    today(projectDueOn(code).plusDays(1));
    fireProjectTimer(project.processInstanceId(), "projectRed");
    assertThat(overrunCases(code)).hasSize(1);
    // Past its limit now, but a section whose item is not red, another county, or a second case.
    for (String unit : List.of("approval-fgw", "county-qixian", "supervision-bureau")) {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", code,
          Map.of("overrunProjectCode", code, "responsibleUnit", unit)))
          .as(unit).hasMessageContaining("不是项目 " + code + " 超期的责任单位");
    }
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", code,
        Map.of("overrunProjectCode", code, "responsibleUnit", "county-lankao")))
        .hasMessageContaining("已有 county-lankao 的超期督办件");
    assertThat(overrunCases(code)).hasSize(1);
    assertThat(cases.ofProject(code)).hasSize(1);
  }
}
