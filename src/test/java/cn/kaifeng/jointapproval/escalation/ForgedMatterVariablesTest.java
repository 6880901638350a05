package cn.kaifeng.jointapproval.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.supervision.CaseStatus;
import cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.QueuedMails;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform, the sections, the vice mayor's office and the supervision bureau complete their
 * tasks through the Java API with variables naming another matter, case, project or clock, and
 * the vice mayor's office sends minutes whose read-only entries were changed. Only the task's own
 * matter and case change in the ledger.
 */
// Its own context and database: the weekly meeting takes every waiting matter in the database.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:forged-matters;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class ForgedMatterVariablesTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired MatterRepository matters;
  @Autowired SupervisionCaseRepository cases;
  @Autowired DeadlineService deadlines;
  @Autowired ProjectLedger ledger;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    today(MONDAY);
    // Meetings and waiting matters of this class's earlier tests would take this test's matters.
    runtimeService.createProcessInstanceQuery().processDefinitionKey("vice-mayor-meeting").list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test isolation"));
    jdbc.update("update matter set stage = 'CLOSED' where stage = 'ON_AGENDA'");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /** A project whose land-site item its section flagged for coordination. */
  private String flagged() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("FM"), MONDAY.toString()));
    complete(review(project.code(), "zrzy-site"), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "选址涉及生态红线，需多部门研究"));
    return project.code();
  }

  private Task coordination(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("coordination").taskDefinitionKey("coordinate").singleResult();
  }

  private Matter matter(String code) {
    var list = matters.ofProject(code);
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private List<String> events(String code, String event) {
    return ledger.of(code).stream().map(ProjectLedger.Entry::event).filter(event::equals)
        .toList();
  }

  private ProcessInstance openMeeting() {
    var start = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    managementService.executeJob(start.getId());
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("vice-mayor-meeting")
        .list().stream()
        .filter(m -> runtimeService.getActiveActivityIds(m.getId()).contains("agendaCloses"))
        .findFirst().orElseThrow();
  }

  /** Closes the agenda, sets the date and returns the minutes task. */
  private Task minutesTask(ProcessInstance meeting) {
    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(meeting.getId()).timers().activityId("agendaCloses").singleResult()
        .getId());
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("prepareAgenda").singleResult(),
        Map.of("meetingDate", MONDAY.plusDays(3).toString()));
    return taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("recordMinutes").singleResult();
  }

  private static Object minutes(String... matterIds) {
    return SpinValues.jsonValue(java.util.Arrays.stream(matterIds)
        .map(id -> "{\"matterId\":\"" + id + "\",\"title\":\"伪造的议题\",\"decision\":\"限期重新划定红线"
            + id + "\",\"responsibleUnit\":\"approval-lyj\",\"deadlineDays\":5}")
        .collect(Collectors.joining(",", "[", "]"))).create();
  }

  private void escalate(String code) {
    complete(coordination(code), Map.of("coordinationNote", "会商未果",
        "coordinationResult", "UNRESOLVED"));
  }

  private Task caseTask(String code, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("supervision").taskDefinitionKey(key).singleResult();
  }

  @Test
  void resolvingWithAnotherMattersIdsClosesOnlyTheTasksOwnMatter() {
    var mine = flagged();
    var other = flagged();
    var otherMatter = matter(other);

    complete(coordination(mine), Map.of("coordinationNote", "已协调", "coordinationResult",
        "RESOLVED", "matterId", otherMatter.id(), "projectCode", other, "itemCode", "zrzy-site"));

    assertThat(matter(mine).stage()).isEqualTo(MatterStage.CLOSED);
    assertThat(matter(mine).resolution()).isEqualTo("RESOLVED_BY_PLATFORM");
    assertThat(itemView(mine, "zrzy-site").status()).isEqualTo(ItemStatus.OPEN);
    assertThat(matters.get(otherMatter.id()).stage()).isEqualTo(MatterStage.COORDINATION);
    assertThat(deadlines.get(otherMatter.coordinationDeadlineId()).open()).isTrue();
    assertThat(coordination(other)).isNotNull();
    assertThat(itemView(other, "zrzy-site").status()).isEqualTo(ItemStatus.COORDINATION);
    assertThat(events(other, "MATTER_RESOLVED")).isEmpty();
    assertThat(events(other, "COORDINATED")).isEmpty();
  }

  @Test
  void escalatingWithAnotherMattersIdEscalatesOnlyTheTasksOwnMatter() {
    var mine = flagged();
    var other = flagged();
    var otherMatter = matter(other);

    complete(coordination(mine), Map.of("coordinationNote", "会商未果", "coordinationResult",
        "UNRESOLVED", "matterId", otherMatter.id(), "projectCode", other));

    assertThat(matter(mine).stage()).isEqualTo(MatterStage.ON_AGENDA);
    assertThat(matters.get(otherMatter.id()).stage()).isEqualTo(MatterStage.COORDINATION);
    assertThat(events(other, "MATTER_ESCALATED")).isEmpty();
  }

  @Test
  void anOpinionSentWithAnotherMattersIdsIsRecordedOnItsOwnMatterAndSection() {
    var mine = flagged();
    var other = flagged();
    var otherMatter = matter(other);
    complete(coordination(mine), Map.of("coordinationNote", "征求林业意见",
        "coordinationResult", "ASK_OPINIONS",
        "opinionDepartments", SpinValues.jsonValue("[\"lyj\"]").create()));

    var opinion = taskService.createTaskQuery().processInstanceBusinessKey(mine)
        .taskDefinitionKey("giveOpinion").singleResult();
    complete(opinion, Map.of("departmentOpinion", "需重新划定红线", "matterId", otherMatter.id(),
        "projectCode", other, "itemCode", "zrzy-site", "opinionGroup", "approval-fgw",
        "deadlineId", otherMatter.coordinationDeadlineId()));

    var given = ledger.of(mine).stream().filter(e -> e.event().equals("OPINION_GIVEN")).toList();
    assertThat(given).singleElement().satisfies(e -> {
      assertThat(e.detail()).contains(matter(mine).id()).contains("approval-lyj")
          .doesNotContain("approval-fgw");
      assertThat(e.itemCode()).isEqualTo("zrzy-site");
    });
    assertThat(events(other, "OPINION_GIVEN")).isEmpty();
    // Back with the platform, on its own clock.
    var own = deadlines.get(matter(mine).coordinationDeadlineId());
    assertThat(coordination(mine).getDueDate()).isEqualTo(ChinaTime.endOf(own.dueOn()));
  }

  @Test
  void reportingAndAcceptingWithAnotherCasesIdsChangeOnlyTheTasksOwnCase() {
    var meeting = openMeeting();
    var mine = flagged();
    var other = flagged();
    escalate(mine);
    escalate(other);
    complete(minutesTask(meeting), Map.of("agenda",
        minutes(matter(mine).id(), matter(other).id())));
    var otherCase = cases.ofMatter(matter(other).id()).orElseThrow();
    var myCase = cases.ofMatter(matter(mine).id()).orElseThrow();

    complete(caseTask(mine, "carryOut"), Map.of("report", "已落实", "caseId", otherCase.id(),
        "matterId", otherCase.matterId(), "projectCode", other, "itemCode", "zrzy-site"));
    assertThat(cases.get(myCase.id()).status()).isEqualTo(CaseStatus.REPORTED);
    assertThat(cases.get(otherCase.id()).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(cases.get(otherCase.id()).report()).isNull();

    complete(caseTask(mine, "verifyCase"), Map.of("verification", "ACCEPTED",
        "verificationNote", "落实到位", "caseId", otherCase.id(), "matterId", otherCase.matterId(),
        "projectCode", other));
    assertThat(cases.get(myCase.id()).status()).isEqualTo(CaseStatus.ACCEPTED);
    assertThat(matter(mine).stage()).isEqualTo(MatterStage.CLOSED);
    assertThat(review(mine, "zrzy-site")).isNotNull();

    assertThat(cases.get(otherCase.id()).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(deadlines.get(otherCase.deadlineId()).open()).isTrue();
    assertThat(matter(other).stage()).isEqualTo(MatterStage.SUPERVISION);
    assertThat(review(other, "zrzy-site")).isNull(); // still blocked
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(matter(other).coordinationProcessInstanceId()).count()).isOne();
    assertThat(events(other, "CASE_REPORTED")).isEmpty();
    assertThat(events(other, "CASE_ACCEPTED")).isEmpty();
  }

  @Test
  void minutesNamingAMatterNotOnThisAgendaOrOneTwiceAreRefused() {
    var meeting = openMeeting();
    var mine = flagged();
    var elsewhere = flagged(); // still with the platform, on no agenda
    escalate(mine);
    var minutes = minutesTask(meeting);
    String mineId = matter(mine).id();
    String foreignId = matter(elsewhere).id();

    assertThatThrownBy(() -> taskService.complete(minutes.getId(),
        Map.of("agenda", minutes(mineId, foreignId))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("第 2 项（" + foreignId + "）：不是本次会议议程上的事项");
    assertThatThrownBy(() -> taskService.complete(minutes.getId(),
        Map.of("agenda", minutes(foreignId))))
        .hasMessageContaining("第 1 项（" + foreignId + "）：不是本次会议议程上的事项")
        .hasMessageContaining(mineId + "）：议程上的事项缺少会议决定");
    assertThatThrownBy(() -> taskService.complete(minutes.getId(),
        Map.of("agenda", minutes(mineId, mineId))))
        .hasMessageContaining("重复记录了会议决定");

    assertThat(taskService.createTaskQuery().taskId(minutes.getId()).count()).isOne();
    assertThat(matters.get(mineId).stage()).isEqualTo(MatterStage.ON_AGENDA);
    assertThat(matters.get(foreignId).stage()).isEqualTo(MatterStage.COORDINATION);
    assertThat(cases.ofMatter(foreignId)).isEmpty();
  }

  @Test
  void theMinutesTitlesComeFromTheLedgerNotFromTheSubmittedList() {
    var meeting = openMeeting();
    var mine = flagged();
    escalate(mine);
    String mineId = matter(mine).id();

    complete(minutesTask(meeting), Map.of("agenda", minutes(mineId)));

    var decided = matter(mine);
    assertThat(decided.stage()).isEqualTo(MatterStage.SUPERVISION);
    assertThat(decided.decision()).isEqualTo("限期重新划定红线" + mineId);
    assertThat(decided.deadlineDays()).isEqualTo(5);
    // The minutes mail (a row of the mail outbox, which may have been sent already).
    var decisions = QueuedMails.models(jdbc.getDataSource(), "minutes-recorded").stream()
        .map(QueuedMails::values).map(values -> values.get("decisions"))
        .filter(text -> text != null && text.contains(mineId)).findFirst().orElseThrow();
    assertThat(decisions)
        .contains("兰考县智能家居产业园项目（" + mine + "）· 用地预审与选址意见书")
        .doesNotContain("伪造的议题");
  }

  @Test
  void aSupervisionStartedForAMatterNotJustDecidedIsRefused() {
    var mine = flagged();
    String matterId = matter(mine).id();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", mine,
        Map.of("matterId", matterId, "decision", "伪造", "responsibleUnit", "approval-fgw",
            "deadlineDays", 1)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("不是刚由联审联批会议决定的事项");
    assertThat(cases.ofMatter(matterId)).isEmpty();
    assertThat(matter(mine).stage()).isEqualTo(MatterStage.COORDINATION);
  }

  @Test
  void aSecondSupervisionOfADecidedMatterIsRefused() {
    var meeting = openMeeting();
    var mine = flagged();
    escalate(mine);
    complete(minutesTask(meeting), Map.of("agenda", minutes(matter(mine).id())));
    String matterId = matter(mine).id();
    var first = cases.ofMatter(matterId).orElseThrow();
    // As if the case were being opened right now: decided, and a case exists.
    jdbc.update("update matter set stage = 'DECIDED' where id = ?", matterId);

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("supervision", mine,
        Map.of("matterId", matterId)))
        .hasMessageContaining("已有督办件");
    assertThat(cases.ofProject(mine)).extracting(c -> c.id()).containsExactly(first.id());
  }
}
