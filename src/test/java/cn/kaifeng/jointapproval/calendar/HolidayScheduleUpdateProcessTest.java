package cn.kaifeng.jointapproval.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.kaifeng.jointapproval.support.CalendarFixtures;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** bpmn/holiday-schedule-update.bpmn: every path. */
@SpringBootTest
@ActiveProfiles("test")
class HolidayScheduleUpdateProcessTest {

  private static final String KEY = "holiday-schedule-update";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired CalendarService calendar;
  @Autowired HolidayScheduleParser parser;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    CalendarFixtures.unload2027(jdbc, calendar);
  }

  private void today(String date) {
    ClockUtil.setCurrentTime(ChinaTime.startOf(LocalDate.parse(date)));
  }

  @Test
  void theTimerStartsTheProcessEveryNovemberFirst() {
    var timer = engine.getManagementService().createJobQuery().processDefinitionKey(KEY)
        .timers().singleResult();
    assertThat(timer).isNotNull();
    var due = ChinaTime.dateOf(timer.getDuedate());
    assertThat(due.getMonthValue()).isEqualTo(11);
    assertThat(due.getDayOfMonth()).isEqualTo(1);
  }

  @Test
  void endsWhenNextYearIsAlreadyLoaded() {
    today("2025-11-01");
    var instance = runtimeService.startProcessInstanceByKey(KEY);
    assertThat(instance).hasPassed("determineYear").isEnded().hasPassed("noLoadNeeded")
        .variables().containsEntry("year", 2026).containsEntry("yearLoaded", true);
  }

  @Test
  void asksAdministratorsAndImportsWhatTheyPaste() {
    today("2026-11-01");
    var instance = runtimeService.startProcessInstanceByKey(KEY);
    assertThat(instance).isWaitingAt("loadSchedule");
    assertThat(task()).hasCandidateGroup("camunda-admin").hasName("加载2027年法定节假日安排");
    var formRef = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .initializeFormKeys().singleResult().getCamundaFormRef();
    assertThat(formRef.getKey()).isEqualTo("load-holiday-schedule");
    assertThat(formRef.getBinding()).isEqualTo("deployment");
    assertThat(calendar.calendar().isPublished(2027)).isFalse();

    complete(task(), withVariables("scheduleJson", CalendarFixtures.schedule2027()));

    assertThat(instance).isEnded().hasPassed("importSchedule", "scheduleImported");
    assertThat(calendar.calendar().isPublished(2027)).isTrue();
    assertThat(calendar.day(LocalDate.of(2027, 1, 1)).workingDay()).isFalse();
  }

  @Test
  void aMalformedPasteIsRefusedAndTheTaskStays() {
    today("2026-11-01");
    var instance = runtimeService.startProcessInstanceByKey(KEY);
    String wrongYear = CalendarFixtures.schedule2027().replace("\"year\": 2027", "\"year\": 2028");

    assertThatThrownBy(() -> complete(task(instance), withVariables("scheduleJson", wrongYear)))
        .hasMessageContaining("year").hasMessageContaining("2028");

    assertThat(instance).isWaitingAt("loadSchedule");
    assertThat(calendar.calendar().isPublished(2027)).isFalse();
    assertThat(calendar.calendar().isPublished(2028)).isFalse();
  }

  @Test
  void loadingTheYearThroughTheApiClosesTheTask() {
    today("2026-11-01");
    var instance = runtimeService.startProcessInstanceByKey(KEY);
    assertThat(instance).isWaitingAt("loadSchedule");

    calendar.loadYear(parser.parse(CalendarFixtures.schedule2027(), 2027), "test");

    assertThat(instance).isEnded().hasPassed("loadedThroughApi", "scheduleLoadedThroughApi")
        .hasNotPassed("importSchedule");
  }
}
