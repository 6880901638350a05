package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Officers complete their tasks through the Java API (as engine REST does) with variables that
 * name something else: another item, another project, another clock, another actor. The ledger
 * changes only the task's own item; identity comes from the ledger, never from variables.
 */
@SpringBootTest
@ActiveProfiles("test")
class ForgedIdentityVariablesTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired ProcessEngine engine;
  @Autowired DeadlineService deadlines;
  @Autowired IdentityService identityService;
  @Autowired ProjectLedger ledger;

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
    return register(ProjectFixtures.body(ProjectFixtures.newCode("X"), MONDAY.toString()));
  }

  private List<ProjectLedger.Entry> history(String code, String event) {
    return ledger.of(code).stream().filter(e -> e.event().equals(event)).toList();
  }

  @Test
  void approvingWithAnotherItemsCodeApprovesOnlyTheTasksOwnItem() {
    var project = registerPlain();
    var siteReview = review(project.code(), "zrzy-site");

    complete(review(project.code(), "fgw-filing"), Map.of("outcome", "APPROVED",
        "opinion", "同意备案", "itemCode", "zrzy-site"));

    var filing = itemView(project.code(), "fgw-filing");
    assertThat(filing.status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(filing.opinion()).isEqualTo("同意备案");
    var site = itemView(project.code(), "zrzy-site");
    assertThat(site.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(site.opinion()).isNull();
    assertThat(site.completedOn()).isNull();
    assertThat(review(project.code(), "zrzy-site").getId()).isEqualTo(siteReview.getId());
    assertThat(deadlines.get("item:" + project.code() + ":zrzy-site").open()).isTrue();
    assertThat(deadlines.get("item:" + project.code() + ":fgw-filing").open()).isFalse();
    assertThat(history(project.code(), "ITEM_APPROVED")).extracting(ProjectLedger.Entry::itemCode)
        .containsExactly("fgw-filing");
  }

  @Test
  void returningWithAnotherItemsCodeReturnsOnlyTheTasksOwnItem() {
    var project = registerPlain();

    complete(review(project.code(), "sthj-eia"), Map.of("outcome", "RETURNED",
        "opinion", "请补充公众参与说明", "itemCode", "fgw-filing", "projectCode", project.code()));
    complete(task(project.code(), "sthj-eia", "supplementItem"),
        Map.of("supplementNote", "已补充", "itemCode", "fgw-filing"));

    assertThat(itemView(project.code(), "fgw-filing").status()).isEqualTo(ItemStatus.OPEN);
    assertThat(itemView(project.code(), "fgw-filing").opinion()).isNull();
    assertThat(history(project.code(), "ITEM_RETURNED")).extracting(ProjectLedger.Entry::itemCode)
        .containsExactly("sthj-eia");
    assertThat(history(project.code(), "ITEM_RESUBMITTED"))
        .extracting(ProjectLedger.Entry::itemCode).containsExactly("sthj-eia");
    assertThat(review(project.code(), "sthj-eia")).isNotNull();
  }

  @Test
  void flaggingWithAnotherItemsCodeHandsTheTasksOwnItemToThePlatform() {
    var project = registerPlain();

    complete(review(project.code(), "zrzy-site"), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "需多部门研究", "itemCode", "sthj-eia", "itemName", "伪造的事项"));

    assertThat(itemView(project.code(), "zrzy-site").status()).isEqualTo(ItemStatus.COORDINATION);
    assertThat(itemView(project.code(), "sthj-eia").status()).isEqualTo(ItemStatus.OPEN);
    assertThat(views.of(project.code()).matters()).singleElement()
        .satisfies(m -> assertThat(m.itemCode()).isEqualTo("zrzy-site"));
    var coordination = taskService.createTaskQuery().processInstanceBusinessKey(project.code())
        .processDefinitionKey("coordination").singleResult();
    assertThat(coordination.getName()).isEqualTo("协调：用地预审与选址意见书（兰考县智能家居产业园项目）");
    assertThat(taskService.getVariable(coordination.getId(), "itemCode")).isEqualTo("zrzy-site");
  }

  @Test
  void approvingWithAnotherProjectsCodeLeavesThatProjectUntouched() {
    var mine = registerPlain();
    var other = registerPlain();

    complete(review(mine.code(), "fgw-filing"), Map.of("outcome", "APPROVED", "opinion", "同意",
        "projectCode", other.code(), "itemCode", "fgw-filing"));

    assertThat(itemView(mine.code(), "fgw-filing").status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(itemView(other.code(), "fgw-filing").status()).isEqualTo(ItemStatus.OPEN);
    assertThat(review(other.code(), "fgw-filing")).isNotNull();
    assertThat(history(other.code(), "ITEM_APPROVED")).isEmpty();
    assertThat(history(mine.code(), "ITEM_APPROVED")).hasSize(1);
  }

  @Test
  void anotherClocksDeadlineIdNeitherMovesThatClockNorTimesTheTask() {
    var project = registerPlain();
    String eiaClock = "item:" + project.code() + ":sthj-eia";
    String filingClock = "item:" + project.code() + ":fgw-filing";
    var filingBefore = deadlines.get(filingClock);
    var projectBefore = deadlines.get("project:" + project.code());

    today(addWorkingDays(MONDAY, 2));
    complete(review(project.code(), "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "补正",
        "deadlineId", filingClock));
    today(addWorkingDays(MONDAY, 5));
    complete(task(project.code(), "sthj-eia", "supplementItem"),
        Map.of("supplementNote", "好", "deadlineId", "project:" + project.code()));

    var eia = deadlines.get(eiaClock);
    assertThat(eia.pausedDays()).isEqualTo(3);
    var again = review(project.code(), "sthj-eia");
    assertThat(again.getDueDate()).isEqualTo(ChinaTime.endOf(eia.dueOn()));
    assertThat(again.getFollowUpDate()).isEqualTo(ChinaTime.startOf(eia.warnOn()));
    String instance = again.getProcessInstanceId();
    assertThat(timer(instance, "itemRed").getDuedate())
        .isEqualTo(ChinaTime.startOf(eia.dueOn().plusDays(1)));
    assertThat(timer(instance, "itemYellow").getDuedate())
        .isEqualTo(ChinaTime.startOf(eia.warnOn()));
    assertThat(deadlines.get(filingClock)).isEqualTo(filingBefore);
    // The project stood still with its item, as it should; nothing more.
    assertThat(deadlines.get("project:" + project.code()).dueOn())
        .isEqualTo(addWorkingDays(projectBefore.dueOn(), 3));
  }

  @Test
  void forgedGroupVariablesRouteNoTaskToAnotherSectionOrCounty() {
    var project = registerPlain();
    var first = review(project.code(), "sthj-eia");
    var instance = first.getProcessInstanceId();
    // Whatever the variables say (only an administrator could still write them)…
    runtimeService.setVariable(instance, "candidateGroup", "approval-wlj");
    runtimeService.setVariable(instance, "county", "qixian");
    runtimeService.setVariable(instance, "chiefServiceOfficer", "cso-qixian");
    complete(first, Map.of("outcome", "RETURNED", "opinion", "请补充"));
    var supplement = task(project.code(), "sthj-eia", "supplementItem");
    // …the county's task goes to the project's county, assigned to the project's named chief
    // service officer (issue 16), and the section's back to the section.
    assertThat(taskService.getIdentityLinksForTask(supplement.getId()))
        .filteredOn(link -> "candidate".equals(link.getType()))
        .extracting(link -> link.getGroupId()).containsExactly("county-lankao");
    assertThat(supplement.getAssignee()).isEqualTo("cso-lankao");
    complete(supplement, Map.of("supplementNote", "已补充"));
    var again = review(project.code(), "sthj-eia");
    assertThat(taskService.getIdentityLinksForTask(again.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("approval-sthj");
  }

  @Test
  void theLedgerNamesTheAuthenticatedUserWhateverCompletedByTheClientSent() {
    var project = registerPlain();
    var review = review(project.code(), "fgw-filing");
    // A copy set beforehand (only an administrator still can) must not survive the completion.
    taskService.setVariableLocal(review.getId(), "completedBy", "officer-zrzy");
    runtimeService.setVariable(review.getProcessInstanceId(), "completedBy", "officer-zrzy");
    identityService.setAuthentication("officer-fgw", List.of("approval-fgw"));
    try {
      // Sent with the completion, it is not a field of the form: refused, nothing changes.
      assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of("outcome", "APPROVED",
          "opinion", "同意", "completedBy", "officer-zrzy")))
          .isInstanceOf(cn.kaifeng.jointapproval.trust.SubmissionRejectedException.class)
          .hasMessageContaining("completedBy");
      taskService.complete(review.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
    } finally {
      identityService.clearAuthentication();
    }
    runContinuations();

    assertThat(history(project.code(), "ITEM_APPROVED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("officer-fgw"));
  }

  @Test
  void withoutAuthenticationTheAssigneeIsNamedNotWhatTheClientSent() {
    var project = registerPlain();
    var review = review(project.code(), "sthj-eia");
    taskService.setAssignee(review.getId(), "officer-sthj");

    complete(review, Map.of("outcome", "NEEDS_COORDINATION", "opinion", "需协调",
        "completedBy", "officer-zrzy"));

    assertThat(history(project.code(), "COORDINATION_REQUESTED")).singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("officer-sthj"));
  }

  @Test
  void anApprovalItemStartedByHandIsRefused() {
    var project = registerPlain();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("approval-item",
        project.code(), Map.of("projectCode", project.code(), "itemCode", "zjj-drawings")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("只能由重大项目联审联批流程按阶段调用");
    assertThat(itemView(project.code(), "zjj-drawings").status()).isEqualTo(ItemStatus.PLANNED);
    assertThat(projectItems.find(project.code(), "zjj-drawings").orElseThrow()
        .processInstanceId()).isNull();
  }

  @Test
  void aLaterStageStartedEarlyIsRefused() {
    var project = registerPlain();
    assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(
            project.processInstanceId())
        .startBeforeActivity("worksPermits#multiInstanceBody").execute())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("属于第 2 阶段，当前办理第 1 阶段");
    assertThat(itemView(project.code(), "zjj-drawings").status()).isEqualTo(ItemStatus.PLANNED);
    assertThat(review(project.code(), "zjj-drawings")).isNull();
  }

  @Test
  void anItemHandledByARunningInstanceIsNotTakenBySecondOne() {
    var project = registerPlain();
    var filing = item(project.code(), "fgw-filing").getId();
    assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(
            project.processInstanceId())
        .startBeforeActivity("landAndPlanning#multiInstanceBody").execute())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("已由流程实例");
    assertThat(item(project.code(), "fgw-filing").getId()).isEqualTo(filing);
    assertThat(deadlines.ownedBy(filing).id()).isEqualTo("item:" + project.code() + ":fgw-filing");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(project.code())
        .taskDefinitionKey("reviewItem").count()).isEqualTo(5);
  }
}
