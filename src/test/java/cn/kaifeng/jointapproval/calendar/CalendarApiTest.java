package cn.kaifeng.jointapproval.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.support.CalendarFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The calendar endpoints of DOMAIN.md §6 over the real HTTP stack, and loading a new year. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired CalendarService calendar;
  @Autowired DeadlineService deadlines;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void unloadFixtureYear() {
    CalendarFixtures.unload2027(jdbc, calendar);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void answersWhetherADayIsAWorkingDay() {
    var makeUp = get("officer-fgw", "/api/calendar/days/2025-01-26").getBody();
    assertThat(makeUp.get("date").asText()).isEqualTo("2025-01-26");
    assertThat(makeUp.get("workingDay").asBoolean()).isTrue();
    assertThat(makeUp.get("name").asText()).isEqualTo("春节");

    var holiday = get("officer-fgw", "/api/calendar/days/2025-01-28").getBody();
    assertThat(holiday.get("workingDay").asBoolean()).isFalse();
    assertThat(holiday.get("name").asText()).isEqualTo("春节");

    var ordinary = get("officer-fgw", "/api/calendar/days/2025-03-03").getBody();
    assertThat(ordinary.get("workingDay").asBoolean()).isTrue();
    assertThat(ordinary.get("name").isNull()).isTrue();
  }

  @Test
  void addsAndCountsWorkingDays() {
    var added = get("keyoffice", "/api/calendar/working-days?from=2025-01-20&add=80").getBody();
    assertThat(added.get("from").asText()).isEqualTo("2025-01-20");
    assertThat(added.get("add").asInt()).isEqualTo(80);
    assertThat(added.get("date").asText()).isEqualTo("2025-05-21");
    assertThat(added.get("provisional").asBoolean()).isFalse();

    var counted = get("keyoffice", "/api/calendar/working-days?from=2025-01-20&to=2025-05-21")
        .getBody();
    assertThat(counted.get("count").asInt()).isEqualTo(80);
    assertThat(counted.get("to").asText()).isEqualTo("2025-05-21");

    var provisional = get("keyoffice", "/api/calendar/working-days?from=2026-12-01&add=30")
        .getBody();
    assertThat(provisional.get("provisional").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource({
      "/api/calendar/days/2025-02-30, date",
      "/api/calendar/days/tomorrow, date",
      "/api/calendar/working-days?from=2025-1-20&add=5, from",
      "/api/calendar/working-days?from=2025-01-20&add=-1, add",
      "/api/calendar/working-days?from=2025-01-20&add=2001, add",
      "/api/calendar/working-days?from=2025-01-20&add=ten, add",
      "/api/calendar/working-days?from=2025-01-20&to=2025-01-19, to",
      "/api/calendar/working-days?from=2025-01-20, add",
      "/api/calendar/working-days?from=2025-01-20&add=3&to=2025-02-01, to",
      "/api/calendar/working-days?add=3, from",
  })
  void badInputIsAProblemNamingTheField(String path, String field) {
    var response = get("officer-fgw", path);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
  }

  @Test
  void requiresLogin() {
    var anonymous = rest.getForEntity("/api/calendar/days/2025-01-26", JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A user no other test logs in with: wrong passwords lock a Camunda user for a few seconds.
    var wrongPassword = rest.withBasicAuth("cso-lankao", "wrong")
        .getForEntity("/api/calendar/days/2025-01-26", JsonNode.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void onlyAdministratorsLoadAYear() {
    var officer = put("officer-fgw", "/api/calendar/years/2027", CalendarFixtures.schedule2027());
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(calendar.calendar().isPublished(2027)).isFalse();
  }

  @Test
  void loadingAYearMakesItsDaysOfficialAndNoLongerProvisional() {
    var before = get("demo", "/api/calendar/days/2027-01-01").getBody();
    assertThat(before.get("workingDay").asBoolean()).isTrue();
    assertThat(before.get("provisional").asBoolean()).isTrue();

    var loaded = put("demo", "/api/calendar/years/2027", CalendarFixtures.schedule2027());
    assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(loaded.getBody().get("days").asInt()).isEqualTo(11);

    var after = get("demo", "/api/calendar/days/2027-01-01").getBody();
    assertThat(after.get("workingDay").asBoolean()).isFalse();
    assertThat(after.get("name").asText()).isEqualTo("元旦");
    assertThat(after.get("provisional").asBoolean()).isFalse();
    assertThat(get("demo", "/api/calendar/days/2027-02-20").getBody().get("workingDay")
        .asBoolean()).isTrue();
    assertThat(get("demo", "/api/calendar/years").getBody().toString()).contains("2027");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "year of the URL differs | \"year\": 2027 | \"year\": 2028 | year",
      "impossible date | 2027-02-14 | 2027-02-30 | 2027-02-30",
      "make-up day on a weekday | \"2027-02-20\", \"isOffDay\": false | \"2027-02-19\", \"isOffDay\": false | 不是周末",
      "no notice | \"https://example.org/test-fixture-not-an-official-notice\" | | papers",
      "not JSON | \"days\": [ | \"days\": [[ | JSON",
  })
  void aMalformedScheduleChangesNothingAndSaysWhy(String why, String from, String to,
      String mentioned) {
    String body = CalendarFixtures.schedule2027().replace(from, to == null ? "" : to);
    var response = put("demo", "/api/calendar/years/2027", body);
    assertThat(response.getStatusCode()).as(why).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(response.getBody().toString()).contains(mentioned);
    assertThat(calendar.calendar().isPublished(2027)).isFalse();
    assertThat(jdbc.queryForObject(
        "select count(*) from calendar_day where cal_date >= date '2027-01-01'", Integer.class))
        .isZero();
  }

  @Test
  void loadingAYearRecomputesOpenDeadlinesAndReTimesTheirTasksAndTimers() {
    repositoryService.createDeployment().addModelInstance("deadline-retime-test.bpmn",
        Bpmn.createExecutableProcess("deadline-retime-test").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("work").camundaCandidateGroups("approval-fgw").camundaAsyncBefore()
            .camundaDueDate("${deadlines.dueAt(execution)}")
            .camundaFollowUpDate("${deadlines.warnAt(execution)}")
            .boundaryEvent("warning").cancelActivity(false)
            .timerWithDate("${deadlines.warnAt(execution)}").endEvent()
            .moveToActivity("work")
            .boundaryEvent("overdue").timerWithDate("${deadlines.overdueAt(execution)}")
            .endEvent()
            .moveToActivity("work").endEvent()
            .done())
        .deploy();
    // 30 working days from 2026-12-15 end in January 2027, which has no schedule yet.
    var clock = deadlines.open("test:retime", LocalDate.of(2026, 12, 15), 30);
    assertThat(clock.provisional()).isTrue();
    assertThat(clock.dueOn()).isEqualTo(LocalDate.of(2027, 1, 26));
    // The process instance takes the clock before its task asks for dates, as a first step would.
    var instance = runtimeService.startProcessInstanceByKey("deadline-retime-test");
    deadlines.own(clock.id(), instance.getId());
    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(instance.getId()).singleResult().getId());
    var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(ChinaTime.dateOf(task.getDueDate())).isEqualTo(LocalDate.of(2027, 1, 26));

    put("demo", "/api/calendar/years/2027", CalendarFixtures.schedule2027());

    // 2027-01-01 is now a holiday: every date moves one working day later.
    var moved = deadlines.get(clock.id());
    assertThat(moved.provisional()).isFalse();
    assertThat(moved.dueOn()).isEqualTo(LocalDate.of(2027, 1, 27));
    task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(ChinaTime.endOf(moved.dueOn()));
    assertThat(task.getFollowUpDate()).isEqualTo(ChinaTime.startOf(moved.warnOn()));
    var timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .list();
    assertThat(timers).extracting(job -> job.getDuedate()).containsExactlyInAnyOrder(
        ChinaTime.startOf(moved.warnOn()), ChinaTime.startOf(moved.dueOn().plusDays(1)));
  }
}
