package cn.kaifeng.jointapproval.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.approval.ItemStatus;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.supervision.CaseStatus;
import cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * bpmn/coordination.bpmn, bpmn/vice-mayor-meeting.bpmn and bpmn/supervision.bpmn: every path
 * from the platform through the executive vice mayor's meeting to supervision and back.
 */
// Its own context and database: the weekly meeting takes every waiting matter in the database.
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:escalation-process;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class EscalationProcessTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired ProcessEngine engine;
  @Autowired MatterRepository matters;
  @Autowired SupervisionCaseRepository cases;
  @Autowired DeadlineService deadlines;
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
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("E"), MONDAY.toString()));
    complete(review(project.code(), "zrzy-site"), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "选址涉及生态红线，需多部门研究"));
    return project.code();
  }

  private Task coordination(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("coordination").taskDefinitionKey("coordinate").singleResult();
  }

  private ProjectView.Matter matter(String code) {
    var list = views.of(code).matters();
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  /** Fires the weekly timer that opens the next meeting's agenda. */
  private ProcessInstance openMeeting() {
    var start = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    managementService.executeJob(start.getId());
    var meetings = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("vice-mayor-meeting").orderByProcessInstanceId().desc().list();
    return meetings.stream().filter(m -> !runtimeService.getActiveActivityIds(m.getId()).isEmpty())
        .filter(m -> runtimeService.getActiveActivityIds(m.getId()).contains("agendaCloses"))
        .reduce((a, b) -> b).orElseThrow();
  }

  private void closeAgenda(ProcessInstance meeting) {
    var timer = managementService.createJobQuery().processInstanceId(meeting.getId()).timers()
        .activityId("agendaCloses").singleResult();
    managementService.executeJob(timer.getId());
  }

  private void escalate(String code) {
    complete(coordination(code), Map.of("coordinationNote", "三次会商未果",
        "coordinationResult", "UNRESOLVED"));
  }

  /** Holds the meeting: agenda prepared, one decision for the matter given to {@code unit}. */
  private void holdMeeting(ProcessInstance meeting, String matterId, String unit, int days) {
    closeAgenda(meeting);
    var prepare = taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("prepareAgenda").singleResult();
    complete(prepare, Map.of("meetingDate", MONDAY.plusDays(3).toString()));
    var minutes = taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("recordMinutes").singleResult();
    complete(minutes, Map.of("agenda", SpinValues.jsonValue("[{\"matterId\":\"" + matterId
        + "\",\"title\":\"t\",\"decision\":\"由市林业局牵头重新划定红线范围\",\"responsibleUnit\":\""
        + unit + "\",\"deadlineDays\":" + days + "}]").create()));
  }

  private Task caseTask(String code, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("supervision").taskDefinitionKey(key).singleResult();
  }

  @Test
  void thePlatformAsksSectionsForOpinionsThenResolvesTheMatter() {
    var code = flagged();
    var task = coordination(code);
    assertThat(task.getName()).isEqualTo("协调：用地预审与选址意见书（兰考县智能家居产业园项目）");
    assertThat(task.getDueDate()).isEqualTo(ChinaTime.endOf(addWorkingDays(MONDAY, 3)));
    assertThat(matter(code).stage()).isEqualTo("COORDINATION");

    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(
        "coordinationNote", "征求意见", "coordinationResult", "ASK_OPINIONS")))
        .hasMessageContaining("至少选择一个审批科室");
    complete(task, Map.of("coordinationNote", "征求生态环境、林业意见",
        "coordinationResult", "ASK_OPINIONS",
        "opinionDepartments", SpinValues.jsonValue("[\"sthj\",\"lyj\"]").create()));

    var opinions = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("giveOpinion").list();
    assertThat(opinions).hasSize(2);
    assertThat(opinions).flatExtracting(t -> taskService.getIdentityLinksForTask(t.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactlyInAnyOrder("approval-sthj", "approval-lyj");
    for (var opinion : opinions) {
      complete(opinion, Map.of("departmentOpinion", "同意调整选址"));
    }
    var again = coordination(code);
    assertThat(again).isNotNull();
    complete(again, Map.of("coordinationNote", "各部门同意调整选址", "coordinationResult", "RESOLVED"));

    assertThat(review(code, "zrzy-site")).isNotNull();
    assertThat(itemView(code, "zrzy-site").status()).isEqualTo(ItemStatus.OPEN);
    var matter = matter(code);
    assertThat(matter.stage()).isEqualTo("CLOSED");
    assertThat(matter.resolution()).isEqualTo("RESOLVED_BY_PLATFORM");
    assertThat(views.of(code).history()).filteredOn(e -> e.event().equals("OPINION_GIVEN"))
        .hasSize(2);
  }

  @Test
  void anUnresolvedMatterGoesToTheMeetingAndResumesTheItemWhenTheDecisionIsCarriedOut() {
    var meeting = openMeeting();
    var code = flagged();
    escalate(code);
    var matter = matters.get(matter(code).matterId());
    assertThat(matter.stage()).isEqualTo(MatterStage.ON_AGENDA);
    assertThat(matter.meetingId()).isEqualTo(meeting.getId());
    assertThat(matter(code).stageName()).isEqualTo("待联审联批会议研究");

    holdMeeting(meeting, matter.id(), "approval-lyj", 5);
    assertThat(meeting).isEnded().hasPassed("distributeDecisions");
    var carryOut = caseTask(code, "carryOut");
    assertThat(taskService.getIdentityLinksForTask(carryOut.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("approval-lyj"));
    assertThat(carryOut.getDueDate()).isEqualTo(ChinaTime.endOf(addWorkingDays(MONDAY, 5)));
    var view = matter(code);
    assertThat(view.stage()).isEqualTo("SUPERVISION");
    assertThat(view.decision()).isEqualTo("由市林业局牵头重新划定红线范围");
    assertThat(view.meetingOn()).isEqualTo(MONDAY.plusDays(3));
    assertThat(view.deadline()).isEqualTo(addWorkingDays(MONDAY, 5));
    assertThat(review(code, "zrzy-site")).isNull(); // still blocked

    // Reported, sent back once, reported again, accepted.
    complete(carryOut, Map.of("report", "已完成初步划定"));
    assertThat(cases.get(view.caseId()).status()).isEqualTo(CaseStatus.REPORTED);
    complete(caseTask(code, "verifyCase"), Map.of("verification", "SENT_BACK",
        "verificationNote", "缺少林业局正式复函"));
    assertThat(cases.get(view.caseId()).status()).isEqualTo(CaseStatus.IN_PROGRESS);
    complete(caseTask(code, "carryOut"), Map.of("report", "已取得林业局复函"));
    complete(caseTask(code, "verifyCase"), Map.of("verification", "ACCEPTED",
        "verificationNote", "落实到位"));

    assertThat(cases.get(view.caseId()).status()).isEqualTo(CaseStatus.ACCEPTED);
    var closed = matter(code);
    assertThat(closed.stage()).isEqualTo("CLOSED");
    assertThat(closed.resolution()).isEqualTo("CARRIED_OUT");
    assertThat(review(code, "zrzy-site")).isNotNull(); // the item resumed with its section
    assertThat(itemView(code, "zrzy-site").status()).isEqualTo(ItemStatus.OPEN);
    assertThat(views.of(code).history()).extracting(e -> e.event()).contains("MATTER_ESCALATED",
        "MATTER_ON_AGENDA", "MATTER_DECIDED", "CASE_OPENED", "CASE_REPORTED", "CASE_SENT_BACK",
        "CASE_ACCEPTED", "COORDINATED");
  }

  @Test
  void thePlatformRunningOutOfTimeEscalatesAndTheNextMeetingTakesTheMatter() {
    var code = flagged();
    var coordinationInstance = coordination(code).getProcessInstanceId();
    today(addWorkingDays(MONDAY, 3).plusDays(1));
    managementService.executeJob(timer(coordinationInstance, "coordinationTimeout").getId());

    var waiting = matters.get(matter(code).matterId());
    assertThat(waiting.stage()).isEqualTo(MatterStage.ON_AGENDA);
    assertThat(waiting.meetingId()).isNull(); // no meeting was collecting
    assertThat(waiting.coordinationNote()).isEqualTo("协调超时");

    var meeting = openMeeting();
    assertThat(matters.get(waiting.id()).meetingId()).isEqualTo(meeting.getId());
  }

  @Test
  void aMatterEscalatedAfterTheAgendaClosedGoesToTheNextMeeting() {
    var first = openMeeting();
    var early = flagged();
    escalate(early);
    closeAgenda(first);
    assertThat(first).isWaitingAt("prepareAgenda");

    var late = flagged();
    escalate(late);
    assertThat(matters.get(matter(late).matterId()).meetingId()).isNull();

    var second = openMeeting();
    assertThat(matters.get(matter(early).matterId()).meetingId()).isEqualTo(first.getId());
    assertThat(matters.get(matter(late).matterId()).meetingId()).isEqualTo(second.getId());
    assertThat((Integer) runtimeService.getVariable(first.getId(), "agendaSize")).isEqualTo(1);
  }

  @Test
  void aWeekWithAnEmptyAgendaHoldsNoMeeting() {
    var meeting = openMeeting();
    closeAgenda(meeting);
    assertThat(meeting).isEnded().hasPassed("noMeeting").hasNotPassed("prepareAgenda");
  }

  @Test
  void incompleteMinutesAreRefusedAndTheTaskStays() {
    var meeting = openMeeting();
    var code = flagged();
    escalate(code);
    closeAgenda(meeting);
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult(),
        Map.of("meetingDate", MONDAY.toString()));
    var minutes = taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("recordMinutes").singleResult();
    String matterId = matter(code).matterId();
    assertThatThrownBy(() -> taskService.complete(minutes.getId(), Map.of("agenda",
        SpinValues.jsonValue("[{\"matterId\":\"" + matterId + "\",\"decision\":\" \","
            + "\"responsibleUnit\":\"nobody\",\"deadlineDays\":0}]").create())))
        .hasMessageContaining("请填写会议决定").hasMessageContaining("责任单位须为审批科室或县区")
        .hasMessageContaining("落实期限须为 1–250 个工作日");
    assertThatThrownBy(() -> taskService.complete(minutes.getId(), Map.of("agenda",
        SpinValues.jsonValue("[]").create()))).hasMessageContaining("缺少会议决定");
    assertThat(taskService.createTaskQuery().taskId(minutes.getId()).count()).isEqualTo(1);
    // The form is pre-filled with the agenda.
    var agenda = runtimeService.getVariable(meeting.getId(), "agenda").toString();
    assertThat(agenda).contains(matterId).contains("用地预审与选址意见书");
  }

  @Test
  void aMissedDeadlineLeadsToAnAccountabilityProposalThatIsApprovedBeforeItIsRecorded() {
    var meeting = openMeeting();
    var code = flagged();
    escalate(code);
    holdMeeting(meeting, matter(code).matterId(), "county-lankao", 2);
    var caseId = matter(code).caseId();
    var supervision = caseTask(code, "carryOut").getProcessInstanceId();

    today(addWorkingDays(MONDAY, 2).plusDays(1));
    managementService.executeJob(timer(supervision, "caseOverdue").getId());
    assertThat(cases.get(caseId).overdue()).isTrue();
    assertThat(caseTask(code, "carryOut")).isNotNull(); // still to be carried out

    complete(caseTask(code, "proposeAccountability"),
        Map.of("accountabilityProposal", "建议对兰考县首席服务官约谈提醒"));
    var approval = caseTask(code, "approveAccountability");
    assertThat(taskService.getIdentityLinksForTask(approval.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("executive-vice-mayor"));
    complete(approval, Map.of("accountabilityDecision", "APPROVED", "accountabilityNote", "同意"));

    var recorded = cases.get(caseId);
    assertThat(recorded.accountability()).isEqualTo("APPROVED");
    assertThat(recorded.accountabilityProposal()).isEqualTo("建议对兰考县首席服务官约谈提醒");
    assertThat(views.of(code).history()).extracting(e -> e.event())
        .contains("CASE_OVERDUE", "ACCOUNTABILITY_APPROVED");
    assertThat(matter(code).caseOverdue()).isTrue();
  }

  @Test
  void aRejectedAccountabilityProposalIsRecordedAsRejected() {
    var meeting = openMeeting();
    var code = flagged();
    escalate(code);
    holdMeeting(meeting, matter(code).matterId(), "approval-zrzy", 1);
    var supervision = caseTask(code, "carryOut").getProcessInstanceId();
    today(addWorkingDays(MONDAY, 1).plusDays(1));
    managementService.executeJob(timer(supervision, "caseOverdue").getId());
    complete(caseTask(code, "proposeAccountability"), Map.of("accountabilityProposal", "通报"));
    complete(caseTask(code, "approveAccountability"),
        Map.of("accountabilityDecision", "REJECTED", "accountabilityNote", "客观原因"));
    assertThat(cases.get(matter(code).caseId()).accountability()).isEqualTo("REJECTED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(supervision)
        .count()).isEqualTo(1); // the case itself is still open
  }

  @Test
  void theWeeklyTimerFollowsBeijingTimeOnTheConfiguredDay() {
    var start = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    var due = start.getDuedate().toInstant().atZone(ChinaTime.ZONE);
    assertThat(due.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
    assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
    var meeting = openMeeting();
    var closes = ((java.util.Date) runtimeService.getVariable(meeting.getId(), "agendaClosesAt"))
        .toInstant().atZone(ChinaTime.ZONE);
    assertThat(closes.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
    assertThat(closes.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
    assertThat(closes.toInstant()).isAfter(ClockUtil.getCurrentTime().toInstant());
    assertThat(List.of(runtimeService.getActiveActivityIds(meeting.getId()).toArray()))
        .contains("agendaCloses");
  }

  /** Issue 15 point 4: the section cannot open a second matter while the item is in one. */
  private void assertNoSecondMatter(String code, String itemCode) {
    assertThat(projectItems.inMatter(code, itemCode)).isTrue();
    var review = review(code, itemCode);
    if (review != null) {
      assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(
          "outcome", "NEEDS_COORDINATION", "opinion", "再协调一次")))
          .hasMessageContaining("协调完毕前不能再次提请协调");
    }
    assertThat(fireIfDue(code, itemCode, "itemEscalation")).isFalse();
    assertThat(coordinations(code)).isEqualTo(1);
    assertThat(views.of(code).matters()).hasSize(1);
  }

  /**
   * Issue 15 point 4 with the clock moved across weeks: an overdue item escalated by its timer
   * goes from the platform to the executive vice mayor's meeting and on to supervision; while
   * in that matter no second one opens, and when the accepted case brings it back its escalation
   * waits a fresh grace period from the return day.
   */
  @Test
  void anOverdueItemBackFromTheMeetingAndSupervisionIsNotEscalatedAgainUntilAFreshGracePeriod() {
    var code = register(ProjectFixtures.body(ProjectFixtures.newCode("R"), MONDAY.toString()))
        .code();
    var due = itemView(code, "fgw-filing").dueOn();
    var escalateOn = addWorkingDays(due, 3).plusDays(1);
    today(escalateOn);
    assertThat(fireIfDue(code, "fgw-filing", "itemRed")).isTrue();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isTrue();
    assertThat(coordinations(code)).isEqualTo(1);
    assertThat(projectItems.inMatter(code, "fgw-filing")).isTrue();

    // The platform cannot settle it; the week's meeting takes it (agenda closes Thursday 17:00).
    escalate(code);
    var matterId = matter(code).matterId();
    assertThat(matters.get(matterId).stage()).isEqualTo(MatterStage.ON_AGENDA);
    var meeting = openMeeting();
    assertThat(matters.get(matterId).meetingId()).isEqualTo(meeting.getId());
    var closes = ((java.util.Date) runtimeService.getVariable(meeting.getId(), "agendaClosesAt"))
        .toInstant().atZone(ChinaTime.ZONE);
    assertThat(closes.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
    assertNoSecondMatter(code, "fgw-filing");

    // A week later the agenda has closed; the meeting decides, the decision becomes a case.
    var meetingOn = closes.toLocalDate().plusDays(1);
    today(meetingOn.plusWeeks(1));
    closeAgenda(meeting);
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("prepareAgenda").singleResult(),
        Map.of("meetingDate", meetingOn.toString()));
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("recordMinutes").singleResult(), Map.of("agenda", SpinValues.jsonValue(
            "[{\"matterId\":\"" + matterId + "\",\"title\":\"t\",\"decision\":\"由市发改委限期办结\","
            + "\"responsibleUnit\":\"approval-lyj\",\"deadlineDays\":10}]").create()));
    assertThat(matter(code).stage()).isEqualTo("SUPERVISION");
    assertNoSecondMatter(code, "fgw-filing");

    // Reported, sent back, reported again over the following weeks: still in the one matter.
    today(meetingOn.plusWeeks(2));
    complete(caseTask(code, "carryOut"), Map.of("report", "已初步落实"));
    complete(caseTask(code, "verifyCase"), Map.of("verification", "SENT_BACK",
        "verificationNote", "缺少正式复函"));
    assertNoSecondMatter(code, "fgw-filing");
    today(meetingOn.plusWeeks(3));
    complete(caseTask(code, "carryOut"), Map.of("report", "已取得复函"));
    assertNoSecondMatter(code, "fgw-filing");

    // Accepted five weeks after the escalation: the item comes back, still long overdue.
    var returnedOn = addWorkingDays(meetingOn.plusWeeks(4), 0);
    today(returnedOn);
    complete(caseTask(code, "verifyCase"), Map.of("verification", "ACCEPTED",
        "verificationNote", "落实到位"));
    assertThat(matter(code).stage()).isEqualTo("CLOSED");
    assertThat(matter(code).resolution()).isEqualTo("CARRIED_OUT");
    assertThat(projectItems.inMatter(code, "fgw-filing")).isFalse();
    assertThat(projectItems.escalationRearmedOn(code, "fgw-filing")).contains(returnedOn);
    var graceEnds = addWorkingDays(returnedOn, 3).plusDays(1);
    assertThat(timer(item(code, "fgw-filing").getId(), "overdueCoordinated").getDuedate())
        .isEqualTo(ChinaTime.startOf(graceEnds));

    // Within the grace period nothing escalates.
    today(addWorkingDays(returnedOn, 2));
    assertThat(fireIfDue(code, "fgw-filing", "overdueCoordinated")).isFalse();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isFalse();
    assertThat(coordinations(code)).isEqualTo(1);

    // Only then does the still unfinished item open a new matter, once.
    today(graceEnds);
    assertThat(fireIfDue(code, "fgw-filing", "overdueCoordinated")).isTrue();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isFalse();
    assertThat(coordinations(code)).isEqualTo(2);
    assertThat(coordination(code)).isNotNull();
    assertThat(projectItems.inMatter(code, "fgw-filing")).isTrue();
    assertThat(views.of(code).history()).filteredOn(e -> e.event().equals("ITEM_ESCALATED"))
        .hasSize(2);
  }

  /**
   * Issue 15 point 4, the section's own path: an item it flagged goes through the meeting to a
   * supervision case that runs past its deadline; accepted weeks later, the item is back with
   * its section and its escalation timer waits a fresh grace period from the return day.
   */
  @Test
  void anItemFlaggedByItsSectionBackFromSupervisionWeeksLaterGetsAFreshGracePeriod() {
    var code = register(ProjectFixtures.body(ProjectFixtures.newCode("R"), MONDAY.toString()))
        .code();
    complete(review(code, "fgw-filing"), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "需多部门研究"));
    var meeting = openMeeting();
    escalate(code);
    var matterId = matter(code).matterId();
    assertThat(matters.get(matterId).meetingId()).isEqualTo(meeting.getId());
    holdMeeting(meeting, matterId, "county-lankao", 2);
    assertThat(matter(code).stage()).isEqualTo("SUPERVISION");
    var supervision = caseTask(code, "carryOut").getProcessInstanceId();

    // The case runs past its deadline; weeks pass, the item is long overdue but in its matter.
    today(MONDAY.plusWeeks(2));
    managementService.executeJob(timer(supervision, "caseOverdue").getId());
    runContinuations();
    assertThat(cases.get(matter(code).caseId()).overdue()).isTrue();
    assertThat(projectItems.inMatter(code, "fgw-filing")).isTrue();
    assertThat(review(code, "fgw-filing")).isNull();
    assertThat(coordinations(code)).isEqualTo(1);

    var returnedOn = MONDAY.plusWeeks(6);
    today(returnedOn);
    complete(caseTask(code, "carryOut"), Map.of("report", "已落实"));
    complete(caseTask(code, "verifyCase"), Map.of("verification", "ACCEPTED",
        "verificationNote", "落实到位"));
    assertThat(matter(code).stage()).isEqualTo("CLOSED");
    assertThat(itemView(code, "fgw-filing").status()).isEqualTo(ItemStatus.OPEN);
    assertThat(projectItems.inMatter(code, "fgw-filing")).isFalse();
    assertThat(projectItems.escalationRearmedOn(code, "fgw-filing")).contains(returnedOn);
    var graceEnds = addWorkingDays(returnedOn, 3).plusDays(1);
    assertThat(timer(item(code, "fgw-filing").getId(), "itemEscalation").getDuedate())
        .isEqualTo(ChinaTime.startOf(graceEnds));

    today(addWorkingDays(returnedOn, 2));
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isFalse();
    assertThat(coordinations(code)).isEqualTo(1);

    today(graceEnds);
    assertThat(fireIfDue(code, "fgw-filing", "itemRed")).isTrue();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isTrue();
    assertThat(coordinations(code)).isEqualTo(2);
    assertThat(projectItems.inMatter(code, "fgw-filing")).isTrue();
  }
}
