package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** bpmn/joint-approval.bpmn and bpmn/approval-item.bpmn: every path, on the shipped DMN tables. */
@SpringBootTest
@ActiveProfiles("test")
class JointApprovalProcessTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired ProcessEngine engine;
  @Autowired DeadlineService deadlines;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() {
    init(engine);
    today(MONDAY);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  private ProjectView registerPlain() {
    return register(ProjectFixtures.body(ProjectFixtures.newCode("P"), MONDAY.toString()));
  }

  @ParameterizedTest(name = "freeTradeZone={0}, commitmentSystem={1} → {2} {3}")
  @CsvSource({
      "false, false, GENERAL, 80",
      "false, true,  GENERAL, 80", // the commitment system shortens the limit in the FTZ only
      "true,  false, FTZ, 50",
      "true,  true,  FTZ_COMMITMENT, 30"})
  void decidesTheTrackAndTheProjectDeadline(boolean ftz, boolean commitment, String track,
      int limit) {
    var body = ProjectFixtures.body(ProjectFixtures.newCode("T"), "2025-01-20");
    body.put("freeTradeZone", ftz);
    body.put("commitmentSystem", commitment);
    var project = register(body);

    assertThat(project.track()).isEqualTo(track);
    assertThat(project.limitWorkingDays()).isEqualTo(limit);
    assertThat(project.deadline()).isEqualTo(addWorkingDays(LocalDate.parse("2025-01-20"), limit));
    assertThat(project.status()).isEqualTo(ProjectStatus.APPROVING);
    // Every item's due date lies inside the track's limit.
    assertThat(project.items()).allSatisfy(
        item -> assertThat(item.dueOn()).isBeforeOrEqualTo(project.deadline()));
    var instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult();
    assertThat(instance).isWaitingAt("landAndPlanning");
    assertThat(instance.getBusinessKey()).isEqualTo(project.code());
  }

  @Test
  void eachFirstStageItemIsATaskForItsSectionWithDueAndFollowUpDates() {
    var project = registerPlain();
    var firstStage = project.items().stream().filter(i -> i.stage() == 1).toList();
    assertThat(firstStage).extracting(ProjectView.Item::itemCode).containsExactlyInAnyOrder(
        "fgw-filing", "zrzy-site", "zrzy-land-title", "zrzy-land-planning", "sthj-eia");
    for (var item : firstStage) {
      var task = review(project.code(), item.itemCode());
      assertThat(task).isNotNull();
      assertThat(task.getName()).isEqualTo(item.name() + "（兰考县智能家居产业园项目）");
      var clock = deadlines.get("item:" + project.code() + ":" + item.itemCode());
      assertThat(task.getDueDate()).isEqualTo(ChinaTime.endOf(item.dueOn()));
      assertThat(task.getFollowUpDate()).isEqualTo(ChinaTime.startOf(clock.warnOn()));
      assertThat(clock.dueOn()).isEqualTo(addWorkingDays(MONDAY, item.promisedDays()));
      assertThat(taskService.getIdentityLinksForTask(task.getId()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(item.candidateGroup()));
      assertThat(item.candidateGroup()).isEqualTo("approval-" + item.department());
      assertThat(item.status()).isEqualTo(ItemStatus.OPEN);
      assertThat(item.light()).isEqualTo(Light.GREEN);
    }
    // Later stages wait; their planned clocks start when the previous stage's window ends.
    var drawings = project.items().stream().filter(i -> i.itemCode().equals("zjj-drawings"))
        .findFirst().orElseThrow();
    assertThat(drawings.status()).isEqualTo(ItemStatus.PLANNED);
    assertThat(drawings.dueOn()).isEqualTo(addWorkingDays(MONDAY, 30 + 25));
    assertThat(review(project.code(), "zjj-drawings")).isNull();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "governmentInvested, czj-review",
      "governmentInvested, fgw-proposal",
      "governmentInvested, fgw-feasibility",
      "governmentInvested, fgw-preliminary-design",
      "annualEnergyTce, fgw-energy",
      "historicArea, wlj-relics",
      "forestLand, lyj-forest",
      "landAreaHectares, slj-soil",
      "hazardousGoods, yjj-safety",
      "civilAirDefence, rfb-shelter",
      "roadWorks, jtj-road",
      "specialEquipment, scjg-equipment"})
  void conditionsAddTheirItems(String condition, String itemCode) {
    var plain = registerPlain();
    assertThat(codes(plain)).doesNotContain(itemCode);

    var body = ProjectFixtures.body(ProjectFixtures.newCode("C"), MONDAY.toString());
    body.put(condition, switch (condition) {
      case "annualEnergyTce" -> 1000;
      case "landAreaHectares" -> 0.5;
      default -> true;
    });
    var project = register(body);
    assertThat(codes(project)).contains(itemCode);
    var item = project.items().stream().filter(i -> i.itemCode().equals(itemCode)).findFirst()
        .orElseThrow();
    assertThat(item.candidateGroup()).isEqualTo("approval-" + itemCode.substring(0,
        itemCode.indexOf('-')));
  }

  @Test
  void thresholdsJustBelowAddNothingAndGovernmentProjectsNeedNoFiling() {
    var body = ProjectFixtures.body(ProjectFixtures.newCode("B"), MONDAY.toString());
    body.put("annualEnergyTce", 999.99);
    body.put("landAreaHectares", 0.4999);
    body.put("governmentInvested", true);
    var project = register(body);
    assertThat(codes(project)).doesNotContain("fgw-energy", "slj-soil", "fgw-filing");
  }

  private static Set<String> codes(ProjectView project) {
    return project.items().stream().map(ProjectView.Item::itemCode).collect(Collectors.toSet());
  }

  @Test
  void approvingEveryItemStageByStageMakesTheProjectReadyAndStoresTheDaysUsed() {
    var project = registerPlain();
    var parent = runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult();

    approve(project.code(), "fgw-filing");
    assertThat(itemView(project.code(), "fgw-filing").status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(parent).isWaitingAt("landAndPlanning");

    today(addWorkingDays(MONDAY, 12));
    for (String item : new String[] {"zrzy-site", "zrzy-land-title", "zrzy-land-planning",
        "sthj-eia"}) {
      approve(project.code(), item);
    }
    assertThat(parent).isWaitingAt("worksPermits");
    assertThat(review(project.code(), "zjj-drawings")).isNotNull();
    assertThat(itemView(project.code(), "zjj-drawings").status()).isEqualTo(ItemStatus.OPEN);

    today(addWorkingDays(MONDAY, 40));
    approve(project.code(), "zrzy-works-planning");
    approve(project.code(), "zjj-drawings");
    assertThat(parent).isWaitingAt("constructionPermit");
    approve(project.code(), "zjj-construction");

    // Readiness is a node: the process waits for the construction start.
    assertThat(parent).hasPassed("completeProject", "readyForConstruction").isWaitingAt("awaitStart");
    var done = views.of(project.code());
    assertThat(done.status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    assertThat(done.workingDaysUsed()).isEqualTo(40);
    assertThat(done.workingDaysLeft()).isEqualTo(40);
    assertThat(done.completedOn()).isEqualTo(addWorkingDays(MONDAY, 40));
    assertThat(done.items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.APPROVED));
    assertThat(done.history()).extracting(e -> e.event()).contains("REGISTERED", "PLANNED",
        "ITEM_OPENED", "ITEM_APPROVED", "READY_FOR_CONSTRUCTION");
    // The clock counts to construction start (2019 §4(一)): until then it runs on.
    today(addWorkingDays(MONDAY, 60));
    assertThat(views.of(project.code()).workingDaysUsed()).isEqualTo(60);
  }

  @Test
  void theOfficersDecisionTakesEffectInTheirOwnTransactionAndOnlyTheStagesJoinIsAJob() {
    var project = registerPlain();
    var approved = review(project.code(), "sthj-eia");
    var returned = review(project.code(), "fgw-filing");
    var coordinated = review(project.code(), "zrzy-site");

    // No job runs in between: what the officer decided is done when the completion returns.
    taskService.complete(approved.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
    taskService.complete(returned.getId(), Map.of("outcome", "RETURNED", "opinion", "请补正"));
    taskService.complete(coordinated.getId(),
        Map.of("outcome", "NEEDS_COORDINATION", "opinion", "需多部门会商"));

    assertThat(itemView(project.code(), "sthj-eia").status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(itemView(project.code(), "fgw-filing").status()).isEqualTo(ItemStatus.RETURNED);
    assertThat(task(project.code(), "fgw-filing", "supplementItem")).isNotNull();
    assertThat(coordinations(project.code())).isEqualTo(1);
    // The approved item has ended with the completion; what is left is the stage's join, one
    // job in the project's own instance (its jobs run one after another, so siblings approved
    // at once do not collide). The other two paths stay inside their items and leave none.
    assertThat(item(project.code(), "sthj-eia")).isNull();
    String projectInstance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("joint-approval").processInstanceBusinessKey(project.code())
        .singleResult().getId();
    assertThat(managementService.createJobQuery().messages().processInstanceId(projectInstance)
        .activityId("landAndPlanning").count()).isEqualTo(1);
    for (String itemCode : List.of("fgw-filing", "zrzy-site")) {
      assertThat(managementService.createJobQuery().messages()
          .processInstanceId(item(project.code(), itemCode).getId()).count())
          .as("jobs left in " + itemCode).isZero();
    }

    runContinuations();
    assertThat(managementService.createJobQuery().messages().processInstanceId(projectInstance)
        .count()).as("the join has run").isZero();
    assertThat(itemView(project.code(), "sthj-eia").status()).isEqualTo(ItemStatus.APPROVED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"landAndPlanning", "worksPermits", "constructionPermit"})
  void eachStagesJoinIsAJobRetriedAsTheModelSays(String stage) {
    // The designer's retry cycle on the loop (R5/PT30S) reaches the engine: a join that fails
    // (the last one opens the next stage) is retried and then becomes an incident in Cockpit.
    var definition = (ProcessDefinitionImpl) ((RepositoryServiceImpl) engine.getRepositoryService())
        .getDeployedProcessDefinition(engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey("joint-approval").latestVersion().singleResult().getId());
    var item = definition.findActivity(stage);
    assertThat(item.isAsyncAfter()).as("each item's end joins its stage in a job").isTrue();
    var retries = item.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION);
    assertThat(retries.getRetries()).isEqualTo(5);
    assertThat(retries.getRetryIntervals()).containsExactly("R5/PT30S");
  }

  @Test
  void aReturnedItemWaitsForTheCountyAndItsDueDateMovesByThePausedWorkingDays() {
    var project = registerPlain();
    var before = itemView(project.code(), "sthj-eia");
    var review = review(project.code(), "sthj-eia");

    today(addWorkingDays(MONDAY, 3));
    complete(review, Map.of("outcome", "RETURNED", "opinion", "请补充环境影响报告书公众参与说明"));

    assertThat(review(project.code(), "sthj-eia")).isNull();
    var supplement = task(project.code(), "sthj-eia", "supplementItem");
    assertThat(supplement.getName()).isEqualTo("补正材料：环境影响评价审批（兰考县智能家居产业园项目）");
    assertThat(taskService.getIdentityLinksForTask(supplement.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("county-lankao"));
    var returned = itemView(project.code(), "sthj-eia");
    assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);
    assertThat(returned.opinion()).isEqualTo("请补充环境影响报告书公众参与说明");

    // Five working days later the chief service officer resubmits.
    today(addWorkingDays(MONDAY, 8));
    complete(supplement, Map.of("supplementNote", "已补充公众参与说明"));

    var again = review(project.code(), "sthj-eia");
    assertThat(again).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(again.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("approval-sthj"));
    var resumed = itemView(project.code(), "sthj-eia");
    assertThat(resumed.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(resumed.pausedWorkingDays()).isEqualTo(5);
    assertThat(resumed.dueOn()).isEqualTo(addWorkingDays(before.dueOn(), 5));
    assertThat(again.getDueDate()).isEqualTo(ChinaTime.endOf(resumed.dueOn()));
    // The project stood still those five days too.
    var projectNow = views.of(project.code());
    assertThat(projectNow.pausedWorkingDays()).isEqualTo(5);
    assertThat(projectNow.deadline()).isEqualTo(addWorkingDays(project.deadline(), 5));
    assertThat(projectNow.workingDaysUsed()).isEqualTo(3);
    // The red timer follows the moved date.
    assertThat(timer(item(project.code(), "sthj-eia").getId(), "itemRed").getDuedate())
        .isEqualTo(ChinaTime.startOf(resumed.dueOn().plusDays(1)));
    assertThat(projectNow.history()).extracting(e -> e.event())
        .contains("ITEM_RETURNED", "ITEM_RESUBMITTED");
  }

  @Test
  void overlappingPausesOfTwoItemsStopTheProjectOnce() {
    var project = registerPlain();
    today(addWorkingDays(MONDAY, 1));
    complete(review(project.code(), "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "补正 A"));
    complete(review(project.code(), "zrzy-site"), Map.of("outcome", "RETURNED", "opinion", "补正 B"));
    today(addWorkingDays(MONDAY, 4));
    complete(task(project.code(), "sthj-eia", "supplementItem"), Map.of("supplementNote", "A"));
    today(addWorkingDays(MONDAY, 6));
    complete(task(project.code(), "zrzy-site", "supplementItem"), Map.of("supplementNote", "B"));

    assertThat(itemView(project.code(), "sthj-eia").pausedWorkingDays()).isEqualTo(3);
    assertThat(itemView(project.code(), "zrzy-site").pausedWorkingDays()).isEqualTo(5);
    assertThat(views.of(project.code()).pausedWorkingDays()).isEqualTo(5);
  }

  @Test
  void laterStagesStartWhenTheirStageReallyOpens() {
    var project = registerPlain();
    complete(review(project.code(), "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "补正"));
    today(addWorkingDays(MONDAY, 4));
    complete(task(project.code(), "sthj-eia", "supplementItem"), Map.of("supplementNote", "好"));
    var opensOn = addWorkingDays(MONDAY, 12);
    today(opensOn);
    approveEverythingInStage(project.code(), 1);

    // Promised days from the day the stage opened, not the registration's forecast (+30 +25).
    var drawings = itemView(project.code(), "zjj-drawings");
    assertThat(drawings.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(drawings.dueOn()).isEqualTo(addWorkingDays(opensOn, 25));
    assertThat(review(project.code(), "zjj-drawings").getDueDate())
        .isEqualTo(ChinaTime.endOf(addWorkingDays(opensOn, 25)));
    var instance = item(project.code(), "zjj-drawings");
    assertThat(timer(instance.getId(), "itemRed").getDuedate())
        .isEqualTo(ChinaTime.startOf(addWorkingDays(opensOn, 25).plusDays(1)));
    assertThat(drawings.dueOn()).isBeforeOrEqualTo(views.of(project.code()).deadline());
    assertThat(views.of(project.code()).light()).isEqualTo(Light.GREEN);
    assertThat(views.of(project.code()).history()).extracting(e -> e.event())
        .doesNotContain("ITEM_PAST_LIMIT");
  }

  private void approveEverythingInStage(String code, int stage) {
    views.of(code).items().stream().filter(i -> i.stage() == stage)
        .filter(i -> i.status() == ItemStatus.OPEN)
        .forEach(i -> approve(code, i.itemCode()));
  }

  @Test
  void returningWithoutAnOpinionOrWithAnUnknownOutcomeIsRefusedAndTheTaskStays() {
    var project = registerPlain();
    var review = review(project.code(), "fgw-filing");

    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("outcome", "RETURNED")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("退回补正时须填写审批意见");
    assertThatThrownBy(() -> taskService.complete(review.getId(),
        Map.of("outcome", "NEEDS_COORDINATION", "opinion", " ")))
        .hasMessageContaining("提请协调时须填写审批意见");
    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("outcome", "OK")))
        .hasMessageContaining("请选择办理结果");

    assertThat(review(project.code(), "fgw-filing").getId()).isEqualTo(review.getId());
    assertThat(itemView(project.code(), "fgw-filing").status()).isEqualTo(ItemStatus.OPEN);
  }

  @Test
  void aMatterNeedingSeveralDepartmentsGoesToThePlatformAndComesBack() {
    var project = registerPlain();
    var site = review(project.code(), "zrzy-site");
    // The officer completes it as themselves: the authorization check and the ledger's actor.
    identityService.setAuthentication("officer-zrzy", java.util.List.of("approval-zrzy"));
    taskService.complete(site.getId(), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "选址涉及生态红线，需生态环境局、林业局共同研究"));
    identityService.clearAuthentication();
    runContinuations();

    assertThat(review(project.code(), "zrzy-site")).isNull();
    var coordination = coordinationTask(project.code());
    assertThat(taskService.getIdentityLinksForTask(coordination.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("joint-review-platform"));
    assertThat(itemView(project.code(), "zrzy-site").status()).isEqualTo(ItemStatus.COORDINATION);
    assertThat((String) taskService.getVariable(coordination.getId(), "coordinationReason"))
        .isEqualTo("市自然资源和规划局行政审批科提请协调：选址涉及生态红线，需生态环境局、林业局共同研究");

    complete(coordination, Map.of("coordinationNote", "已组织三部门会商，调整选址避让红线",
        "coordinationResult", "RESOLVED"));
    assertThat(review(project.code(), "zrzy-site")).isNotNull();
    assertThat(itemView(project.code(), "zrzy-site").status()).isEqualTo(ItemStatus.OPEN);
    var history = views.of(project.code()).history();
    assertThat(history).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("COORDINATION_REQUESTED");
      assertThat(e.actor()).isEqualTo("officer-zrzy");
    });
    assertThat(history).extracting(e -> e.event()).contains("MATTER_RESOLVED", "COORDINATED");
  }

  private org.camunda.bpm.engine.task.Task coordinationTask(String projectCode) {
    return taskService.createTaskQuery().processInstanceBusinessKey(projectCode)
        .processDefinitionKey("coordination").taskDefinitionKey("coordinate").singleResult();
  }

  @Test
  void timersTurnAnOpenItemYellowAtTheThresholdAndRedWhenOverdue() {
    var project = registerPlain();
    var clock = deadlines.get("item:" + project.code() + ":sthj-eia"); // 30 working days
    var instance = item(project.code(), "sthj-eia");
    assertThat(timer(instance.getId(), "itemYellow").getDuedate())
        .isEqualTo(ChinaTime.startOf(clock.warnOn()));
    assertThat(clock.warnOn()).isEqualTo(addWorkingDays(MONDAY, 23)); // ceil(0.75 × 30)

    today(clock.warnOn());
    fireTimer(project.code(), "sthj-eia", "itemYellow");
    assertThat(itemView(project.code(), "sthj-eia").light()).isEqualTo(Light.YELLOW);
    assertThat(review(project.code(), "sthj-eia")).isNotNull(); // non-interrupting

    assertThat(timer(instance.getId(), "itemRed").getDuedate())
        .isEqualTo(ChinaTime.startOf(clock.dueOn().plusDays(1)));
    today(clock.dueOn().plusDays(1));
    fireTimer(project.code(), "sthj-eia", "itemRed");
    assertThat(itemView(project.code(), "sthj-eia").light()).isEqualTo(Light.RED);
    assertThat(review(project.code(), "sthj-eia")).isNotNull();
    assertThat(views.of(project.code()).history()).extracting(e -> e.event())
        .contains("ITEM_YELLOW", "ITEM_RED");
  }

  @Test
  void anItemOverdueForTheConfiguredWorkingDaysGoesToThePlatformByItselfOnce() {
    var project = registerPlain();
    var clock = deadlines.get("item:" + project.code() + ":fgw-filing");
    var instance = item(project.code(), "fgw-filing");
    var escalateOn = addWorkingDays(clock.dueOn(), 3).plusDays(1);
    assertThat(timer(instance.getId(), "itemEscalation").getDuedate())
        .isEqualTo(ChinaTime.startOf(escalateOn));

    today(escalateOn);
    fireTimer(project.code(), "fgw-filing", "itemRed");
    fireTimer(project.code(), "fgw-filing", "itemEscalation");

    var overdue = coordinationTask(project.code());
    assertThat(overdue).isNotNull();
    assertThat(taskService.getIdentityLinksForTask(overdue.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("joint-review-platform"));
    assertThat(review(project.code(), "fgw-filing")).isNotNull(); // the section keeps it
    assertThat(itemView(project.code(), "fgw-filing").escalated()).isTrue();
    assertThat((String) taskService.getVariable(overdue.getId(), "coordinationReason"))
        .isEqualTo("应于 " + clock.dueOn() + " 办结，已超期 3 个工作日，自动提请协调；"
            + "市发展和改革委员会行政审批科仍在办理");

    // Returned and resubmitted while still overdue: the re-created timer does not escalate again.
    complete(review(project.code(), "fgw-filing"), Map.of("outcome", "RETURNED", "opinion", "补"));
    complete(task(project.code(), "fgw-filing", "supplementItem"), Map.of("supplementNote", "补了"));
    var again = timer(instance.getId(), "itemEscalation");
    if (again != null && !again.getDuedate().after(ClockUtil.getCurrentTime())) {
      managementService.executeJob(again.getId());
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(project.code())
        .processDefinitionKey("coordination").count()).isEqualTo(1);

    // Approving the item ends the coordination that is still open, in the officer's own
    // transaction (a terminate end event cancels the item's other branches before anything
    // else, even when it is asynchronous), and with it the item: no job is left for either.
    taskService.complete(review(project.code(), "fgw-filing").getId(),
        Map.of("outcome", "APPROVED", "opinion", "同意"));
    assertThat(instance).isEnded();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(project.code())
        .processDefinitionKey("coordination").count()).isZero();
    runContinuations();
    assertThat(itemView(project.code(), "fgw-filing").status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(coordinationTask(project.code())).isNull();
    var matter = views.of(project.code()).matters().get(0);
    assertThat(matter.origin()).isEqualTo("OVERDUE");
    assertThat(matter.stage()).isEqualTo("CLOSED");
    assertThat(matter.resolution()).isEqualTo("ITEM_APPROVED");
  }

  @Test
  void theProjectTurnsYellowAndRedOnItsWholeLimit() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("L"), "2025-01-20"));
    var parent = project.processInstanceId();
    var clock = deadlines.get("project:" + project.code());
    today(clock.warnOn());
    managementService.executeJob(timer(parent, "projectYellow").getId());
    assertThat(views.of(project.code()).light()).isEqualTo(Light.YELLOW);
    today(clock.dueOn().plusDays(1));
    managementService.executeJob(timer(parent, "projectRed").getId());
    var red = views.of(project.code());
    assertThat(red.light()).isEqualTo(Light.RED);
    assertThat(red.workingDaysLeft()).isNegative();
    // The clock counts to the construction start: the due date is the day to start by.
    assertThat(red.history()).filteredOn(e -> e.event().equals("PLANNED")).singleElement()
        .satisfies(e -> assertThat(e.detail())
            .startsWith("审批通道：一般项目，时限 80 个工作日，应于 " + clock.dueOn() + " 前开工；"));
    assertThat(red.history()).filteredOn(e -> e.event().equals("PROJECT_YELLOW")).singleElement()
        .satisfies(e -> assertThat(e.detail())
            .isEqualTo("项目进入黄灯预警，应于 " + clock.dueOn() + " 前开工"));
    assertThat(red.history()).filteredOn(e -> e.event().equals("PROJECT_RED")).singleElement()
        .satisfies(e -> assertThat(e.detail())
            .isEqualTo("项目超过 80 个工作日时限（应于 " + clock.dueOn() + " 前开工）"));
    assertThat(red.history()).noneSatisfy(e -> assertThat(e.detail()).contains("前具备开工条件"));
  }

  @Test
  void theTasklistStartFormRegistersTheProjectUnderItsCodeAsBusinessKey() {
    var code = ProjectFixtures.newCode("F");
    Map<String, Object> form = new HashMap<>(ProjectFixtures.body(code, MONDAY.toString()));
    form.put("investment", 1234.5);        // number fields arrive as doubles
    form.put("freeTradeZone", true);
    identityService.setAuthentication("cso-lankao", java.util.List.of("county-lankao"));
    var instance = runtimeService.startProcessInstanceByKey("joint-approval", form);
    identityService.clearAuthentication();

    assertThat(instance.getBusinessKey()).isEqualTo(code);
    var project = views.of(code);
    assertThat(project.track()).isEqualTo("FTZ");
    assertThat(project.registeredBy()).isEqualTo("cso-lankao");
    assertThat(project.processInstanceId()).isEqualTo(instance.getId());
  }

  /**
   * The decisions hand their results to the next steps as transient variables; a start variable
   * of such a name, whatever it holds, never becomes the project's items or track: the engine
   * refuses the start and nothing is kept.
   */
  @ParameterizedTest
  @ValueSource(strings = {"requiredItems", "track", "limitWorkingDays"})
  void aStartVariableNamedLikeADecisionsOutputNeverPicksIt(String name) {
    var code = ProjectFixtures.newCode("F");
    Map<String, Object> form = new HashMap<>(ProjectFixtures.body(code, MONDAY.toString()));
    form.put(name, name.equals("requiredItems") ? java.util.List.of(Map.of("itemCode",
        "fgw-proposal", "itemName", "只有这一项", "department", "fgw", "stage", 1,
        "promisedDays", 1)) : name.equals("track") ? "FTZ_COMMITMENT" : 1);
    // As the engine itself (no user): an officer's start form refuses fields it does not have.
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("joint-approval", form))
        .hasMessageContaining("Cannot set transient variable with name " + name);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isZero();
    assertThatThrownBy(() -> views.of(code)).hasMessageContaining("未找到项目");
  }

  @Test
  void theStartFormRefusesBadFieldsAndOtherCountiesAndKeepsNothing() {
    var code = ProjectFixtures.newCode("F");
    Map<String, Object> form = new HashMap<>(ProjectFixtures.body(code, "2025-13-01"));
    form.remove("name");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("joint-approval", form))
        .hasMessageContaining("请填写项目名称").hasMessageContaining("土地摘牌日期格式");

    Map<String, Object> valid = new HashMap<>(ProjectFixtures.body(code, MONDAY.toString()));
    identityService.setAuthentication("cso-weishi", java.util.List.of("county-weishi"));
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("joint-approval", valid))
        .hasMessageContaining("无权登记兰考县的项目");
    identityService.clearAuthentication();

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isZero();
    assertThatThrownBy(() -> views.of(code)).hasMessageContaining("未找到项目");
  }
}
