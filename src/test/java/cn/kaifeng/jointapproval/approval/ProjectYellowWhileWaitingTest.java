package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.calendar.HolidayScheduleParser;
import cn.kaifeng.jointapproval.deadline.Deadline;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.support.CalendarFixtures;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The project's clock counts to the construction start, so a project ready early can reach its
 * warning date while it waits (等待开工): the timer 项目进入黄灯 on 等待开工 turns it yellow, never
 * back from red, and moves with the calendar like the other clock timers. The engine clock is
 * moved across the months of the limit.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProjectYellowWhileWaitingTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  static final String TIMER = "projectYellowWhileWaiting";

  @Autowired ProcessEngine engine;
  @Autowired DeadlineService deadlines;
  @Autowired HolidayScheduleParser parser;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    today(MONDAY);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  private Deadline clock(String code) {
    return deadlines.get("project:" + code);
  }

  private ProcessInstance instance(ProjectView project) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult();
  }

  private long history(String code, String event) {
    return views.of(code).history().stream().filter(e -> e.event().equals(event)).count();
  }

  @Test
  void aProjectReadyEarlyTurnsYellowOnItsWarningDateWhileWaitingForTheStart() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("W"), MONDAY.toString()));
    String code = project.code();
    var clock = clock(code);
    // Ready after 40 of its 80 working days, well before the warning date (60 of 80).
    today(addWorkingDays(MONDAY, 40));
    approveEverything(code);
    assertThat(views.of(code).status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    assertThat(views.of(code).light()).isEqualTo(Light.GREEN);
    assertThat(instance(project)).isWaitingAt("awaitStart");
    // The timer on the approvals went with them; the one on 等待开工 waits for the warning date.
    assertThat(timer(project.processInstanceId(), "projectYellow")).isNull();
    var yellow = timer(project.processInstanceId(), TIMER);
    assertThat(yellow.getDuedate()).isEqualTo(ChinaTime.startOf(clock.warnOn()));
    assertThat(clock.warnOn()).isAfter(ChinaTime.today());

    today(clock.warnOn().minusDays(1));
    assertThat(managementService.createJobQuery().processInstanceId(project.processInstanceId())
        .activityId(TIMER).executable().count()).isZero();
    today(clock.warnOn());
    managementService.executeJob(yellow.getId());
    runContinuations();

    var warned = views.of(code);
    assertThat(warned.light()).isEqualTo(Light.YELLOW);
    assertThat(warned.history()).filteredOn(e -> e.event().equals("PROJECT_YELLOW"))
        .singleElement().satisfies(e -> assertThat(e.detail())
            .isEqualTo("项目进入黄灯预警，应于 " + clock.dueOn() + " 前开工"));
    assertThat(instance(project)).isWaitingAt("awaitStart")
        .hasPassed("projectYellowWhileWaiting", "markProjectYellow", "projectYellowMarked");

    // Past the limit, still not started: red, and the yellow step run again changes nothing.
    today(clock.dueOn().plusDays(1));
    managementService.executeJob(timer(project.processInstanceId(), "projectRedWhileWaiting")
        .getId());
    runContinuations();
    assertThat(views.of(code).light()).isEqualTo(Light.RED);
    runtimeService.createProcessInstanceModification(project.processInstanceId())
        .startBeforeActivity("markProjectYellow").execute();
    runContinuations();
    assertThat(views.of(code).light()).isEqualTo(Light.RED);
    assertThat(history(code, "PROJECT_YELLOW")).isEqualTo(1);
    assertThat(history(code, "PROJECT_RED")).isEqualTo(1);
    assertThat(instance(project)).isWaitingAt("awaitStart");
  }

  @Test
  void aProjectRedBeforeItIsReadyStaysRedWhenTheWaitingYellowTimerFires() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("W"), MONDAY.toString()));
    String code = project.code();
    var clock = clock(code);
    today(clock.dueOn().plusDays(1));
    managementService.executeJob(timer(project.processInstanceId(), "projectRed").getId());
    runContinuations();
    assertThat(views.of(code).light()).isEqualTo(Light.RED);

    // Ready late: on 等待开工 the yellow timer's date has long passed, so it is due at once.
    today(clock.dueOn().plusDays(8));
    approveEverything(code);
    assertThat(instance(project)).isWaitingAt("awaitStart");
    var yellow = managementService.createJobQuery().processInstanceId(project.processInstanceId())
        .activityId(TIMER).executable().singleResult();
    assertThat(yellow).isNotNull();
    managementService.executeJob(yellow.getId());
    runContinuations();

    var still = views.of(code);
    assertThat(still.light()).isEqualTo(Light.RED);
    assertThat(history(code, "PROJECT_YELLOW")).isZero();
    assertThat(instance(project)).isWaitingAt("awaitStart").hasPassed("markProjectYellow");
  }

  @Test
  void loadingANewYearMovesTheWaitingYellowTimer() {
    // Delisted in mid-October 2026: the warning date (60 of 80 working days) falls in January
    // 2027, whose schedule is not published yet (weekends only, New Year's Day a working day).
    var delisted = LocalDate.parse("2026-10-12");
    today(delisted);
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("W"), delisted.toString()));
    String code = project.code();
    today(LocalDate.parse("2026-12-14"));
    approveEverything(code);
    assertThat(instance(project)).isWaitingAt("awaitStart");
    var before = clock(code);
    assertThat(before.warnOn()).hasYear(2027).isAfter(LocalDate.parse("2027-01-01"));
    assertThat(timer(project.processInstanceId(), TIMER).getDuedate())
        .isEqualTo(ChinaTime.startOf(before.warnOn()));

    try {
      calendar.loadYear(parser.parse(CalendarFixtures.schedule2027(), 2027), "test");

      // New Year's Day is a holiday now: the warning comes later, and the timer with it.
      var after = clock(code);
      assertThat(after.warnOn()).isAfter(before.warnOn());
      assertThat(timer(project.processInstanceId(), TIMER).getDuedate())
          .isEqualTo(ChinaTime.startOf(after.warnOn()));
      assertThat(timer(project.processInstanceId(), "projectRedWhileWaiting").getDuedate())
          .isEqualTo(ChinaTime.startOf(after.dueOn().plusDays(1)));
      today(before.warnOn());
      assertThat(managementService.createJobQuery().processInstanceId(project.processInstanceId())
          .activityId(TIMER).executable().count()).isZero();
      today(after.warnOn());
      managementService.executeJob(timer(project.processInstanceId(), TIMER).getId());
      runContinuations();
      assertThat(views.of(code).light()).isEqualTo(Light.YELLOW);
    } finally {
      CalendarFixtures.unload2027(jdbc, calendar);
    }
  }
}
