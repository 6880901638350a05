package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.QueuedMails;
import java.time.LocalDate;
import java.util.Map;
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
 * Issue 15, points 3 and 4, with the engine clock moved across weeks: a later stage's items count
 * from the day their stage really opens (and a promise past the project's limit turns the project
 * yellow and tells the key projects office once); an item is in at most one matter at a time, and
 * after it comes back from one it gets a fresh grace period before it is escalated again.
 */
@SpringBootTest
@ActiveProfiles("test")
class StageClocksProcessTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired ProcessEngine engine;
  @Autowired javax.sql.DataSource dataSource;

  @BeforeEach
  void setUp() {
    init(engine);
    today(MONDAY);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  private String registerPlain() {
    return register(ProjectFixtures.body(ProjectFixtures.newCode("S"), MONDAY.toString())).code();
  }

  private void approveStage(String code, int stage) {
    views.of(code).items().stream().filter(i -> i.stage() == stage)
        .filter(i -> i.status() == ItemStatus.OPEN)
        .forEach(i -> approve(code, i.itemCode()));
  }

  private long pastLimitMails(String code) {
    return QueuedMails.count(dataSource, code, "item-past-limit");
  }

  private long history(String code, String event) {
    return views.of(code).history().stream().filter(e -> e.event().equals(event)).count();
  }

  private Task coordination(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("coordination").taskDefinitionKey("coordinate").singleResult();
  }

  @Test
  void aLaterStagePastTheProjectLimitKeepsItsPromisesTurnsTheProjectYellowAndMailsOnce() {
    var code = registerPlain();
    var limit = views.of(code).deadline(); // 80 working days after land delisting
    var opensOn = addWorkingDays(MONDAY, 70);
    today(opensOn);
    approveStage(code, 1);

    var drawings = itemView(code, "zjj-drawings");
    assertThat(drawings.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(drawings.promisedDays()).isEqualTo(25);
    assertThat(drawings.dueOn()).isEqualTo(addWorkingDays(opensOn, 25)).isAfter(limit);
    assertThat(itemView(code, "zrzy-works-planning").dueOn())
        .isEqualTo(addWorkingDays(opensOn, 20));
    var project = views.of(code);
    assertThat(project.light()).isEqualTo(Light.YELLOW);
    assertThat(history(code, "ITEM_PAST_LIMIT")).isEqualTo(2); // both items of stage 2
    assertThat(history(code, "PROJECT_YELLOW")).isEqualTo(1);
    assertThat(pastLimitMails(code)).isEqualTo(1);
    assertThat(project.history()).anySatisfy(e -> assertThat(e.detail())
        .contains("晚于项目时限 " + limit).contains("已告知市重点项目办"));

    // Stage 3 opens later still: recorded, but the office is not mailed again.
    var thirdOn = addWorkingDays(opensOn, 21);
    today(thirdOn);
    approveStage(code, 2);
    assertThat(itemView(code, "zjj-construction").dueOn()).isEqualTo(addWorkingDays(thirdOn, 10));
    assertThat(history(code, "ITEM_PAST_LIMIT")).isEqualTo(3);
    assertThat(history(code, "PROJECT_YELLOW")).isEqualTo(1);
    assertThat(pastLimitMails(code)).isEqualTo(1);
  }

  @Test
  void anOverdueItemBackFromCoordinationIsNotEscalatedAgainUntilAFreshGracePeriodHasPassed() {
    var code = registerPlain();
    var due = itemView(code, "fgw-filing").dueOn(); // three working days
    var escalateOn = addWorkingDays(due, 3).plusDays(1);
    today(escalateOn);
    assertThat(fireIfDue(code, "fgw-filing", "itemRed")).isTrue();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isTrue();
    assertThat(coordinations(code)).isEqualTo(1);
    assertThat(projectItems.inMatter(code, "fgw-filing")).isTrue();

    // In a matter already: the section cannot open a second one, the task stays.
    var review = review(code, "fgw-filing");
    assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(
        "outcome", "NEEDS_COORDINATION", "opinion", "再协调一次")))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
        .hasMessageContaining("outcome").hasMessageContaining("协调完毕前不能再次提请协调");
    assertThat(review(code, "fgw-filing").getId()).isEqualTo(review.getId());

    // Two weeks later the platform settles it; the item is still overdue.
    var returnedOn = escalateOn.plusWeeks(2);
    today(returnedOn);
    complete(coordination(code), Map.of("coordinationNote", "已协调一致",
        "coordinationResult", "RESOLVED"));
    assertThat(projectItems.inMatter(code, "fgw-filing")).isFalse();
    assertThat(projectItems.escalationRearmedOn(code, "fgw-filing")).contains(returnedOn);
    var graceEnds = addWorkingDays(returnedOn, 3).plusDays(1);
    var rearmed = timer(item(code, "fgw-filing").getId(), "overdueCoordinated");
    assertThat(rearmed.getDuedate()).isEqualTo(ChinaTime.startOf(graceEnds));

    // Returned for a supplement and resubmitted meanwhile: the re-created boundary timer waits
    // for the fresh grace period too.
    complete(review(code, "fgw-filing"), Map.of("outcome", "RETURNED", "opinion", "补正"));
    today(addWorkingDays(returnedOn, 1));
    complete(task(code, "fgw-filing", "supplementItem"), Map.of("supplementNote", "已补"));
    assertThat(timer(item(code, "fgw-filing").getId(), "itemEscalation").getDuedate())
        .isEqualTo(ChinaTime.startOf(graceEnds));

    // Within the grace period nothing escalates.
    today(addWorkingDays(returnedOn, 2));
    assertThat(fireIfDue(code, "fgw-filing", "overdueCoordinated")).isFalse();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isFalse();
    assertThat(coordinations(code)).isEqualTo(1);

    // Then it goes to the platform again, once, whichever timer fires first.
    today(graceEnds);
    assertThat(fireIfDue(code, "fgw-filing", "overdueCoordinated")).isTrue();
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isTrue();
    assertThat(coordinations(code)).isEqualTo(2);
    assertThat(coordination(code)).isNotNull();
    assertThat(history(code, "ITEM_ESCALATED")).isEqualTo(2);

    approve(code, "fgw-filing");
    assertThat(coordination(code)).isNull();
  }

  @Test
  void anItemFlaggedByItsSectionGetsAFreshGracePeriodWhenItComesBack() {
    var code = registerPlain();
    complete(review(code, "fgw-filing"), Map.of("outcome", "NEEDS_COORDINATION",
        "opinion", "需多部门研究"));
    assertThat(projectItems.inMatter(code, "fgw-filing")).isTrue();

    // Back five weeks later, long overdue: escalation waits three working days from the return.
    var returnedOn = MONDAY.plusWeeks(5);
    today(returnedOn);
    complete(coordination(code), Map.of("coordinationNote", "已协调一致",
        "coordinationResult", "RESOLVED"));
    assertThat(itemView(code, "fgw-filing").status()).isEqualTo(ItemStatus.OPEN);
    var graceEnds = addWorkingDays(returnedOn, 3).plusDays(1);
    assertThat(timer(item(code, "fgw-filing").getId(), "itemEscalation").getDuedate())
        .isEqualTo(ChinaTime.startOf(graceEnds));
    assertThat(coordinations(code)).isEqualTo(1);

    today(graceEnds);
    assertThat(fireIfDue(code, "fgw-filing", "itemEscalation")).isTrue();
    assertThat(coordinations(code)).isEqualTo(2);
  }
}
