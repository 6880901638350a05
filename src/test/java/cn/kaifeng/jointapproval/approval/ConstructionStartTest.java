package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.support.CalendarFixtures;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 15, points 1 and 2: the project clock counts to construction start (POST
 * /api/projects/{code}/nodes), 应开未开 after N working days ready, gross and net days. The engine
 * clock is moved; the HTTP server runs in this JVM and reads the same clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("test")
class ConstructionStartTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  /** The default of jointapproval.approval.start-expected-within-days. */
  static final int EXPECTED_WITHIN = 20;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired cn.kaifeng.jointapproval.calendar.HolidayScheduleParser parser;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    // This context is shared with other API tests that lock a user by wrong passwords at the real
    // time; moved back to 2025 the lock would still hold.
    for (String user : new String[] {"cso-lankao", "cso-longting", "officer-fgw", "keyoffice"}) {
      identityService.unlockUser(user);
    }
    today(MONDAY);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /** Registers a project on MONDAY and approves every item 40 working days later. */
  private ProjectView readyProject() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("S"), MONDAY.toString()));
    today(ready());
    approveEverything(project.code());
    var ready = views.of(project.code());
    assertThat(ready.status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    assertThat(ready.completedOn()).isEqualTo(ready());
    return ready;
  }

  private LocalDate ready() {
    return addWorkingDays(MONDAY, 40);
  }

  private ResponseEntity<JsonNode> node(String user, String code, Map<String, Object> body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/projects/" + code + "/nodes",
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static Map<String, Object> started(LocalDate on) {
    return Map.of("node", "STARTED", "date", on.toString());
  }

  @Test
  void theCountysChiefServiceOfficerRecordsTheStartAndTheClockCountsToIt() {
    var project = readyProject();
    var parent = runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult();
    assertThat(parent).isWaitingAt("awaitStart");
    // Open: the days counted so far, a whole number.
    today(addWorkingDays(ready(), 5));
    assertThat(views.of(project.code()).workingDaysUsed()).isEqualTo(45);

    var response = node("cso-lankao", project.code(), started(addWorkingDays(ready(), 3)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var json = response.getBody();
    assertThat(json.get("status").asText()).isEqualTo("STARTED");
    assertThat(json.get("statusName").asText()).isEqualTo("已开工");
    assertThat(json.get("startedOn").asText()).isEqualTo(addWorkingDays(ready(), 3).toString());
    assertThat(json.get("workingDaysUsed").asInt()).isEqualTo(43);
    assertThat(json.get("grossWorkingDays").asInt()).isEqualTo(43);
    assertThat(json.get("netWorkingDays").asInt()).isEqualTo(43);
    assertThat(json.get("alerts")).isEmpty();
    assertThat(parent).isEnded().hasPassed("awaitStart", "recordStart", "constructionStarted")
        .hasNotPassed("markStartOverdue");
    var started = views.of(project.code());
    var entry = started.history().get(started.history().size() - 1);
    assertThat(entry.event()).isEqualTo("STARTED");
    assertThat(entry.actor()).isEqualTo("cso-lankao");
    assertThat(entry.detail()).startsWith("项目于 " + addWorkingDays(ready(), 3) + " 开工建设")
        .contains("用时 43 个工作日");
    // Stopped: later days do not count.
    today(addWorkingDays(ready(), 30));
    assertThat(views.of(project.code()).workingDaysUsed()).isEqualTo(43);
    assertThat(views.of(project.code()).grossWorkingDays()).isEqualTo(43);
  }

  @Test
  void aProjectReadyBeforeTheClockCountedToTheStartRecordsItsStartWithoutAWaitingInstance() {
    var project = readyProject();
    // The model before issue 15 ended the project's instance at readiness: nothing waits.
    runtimeService.deleteProcessInstance(project.processInstanceId(), "ended at readiness");
    today(addWorkingDays(ready(), 5));

    var response = node("cso-lankao", project.code(), started(addWorkingDays(ready(), 3)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var view = views.of(project.code());
    assertThat(view.status()).isEqualTo(ProjectStatus.STARTED);
    assertThat(view.startedOn()).isEqualTo(addWorkingDays(ready(), 3));
    assertThat(view.workingDaysUsed()).isEqualTo(43);
    assertThat(view.nodes()).extracting(n -> n.node().name()).contains("STARTED");
    assertThat(view.history()).extracting(e -> e.event()).contains("STARTED");
  }

  @Test
  void theKeyProjectsOfficeRecordsTheStartAndPausesCountGrossButNotNet() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("S"), MONDAY.toString()));
    today(addWorkingDays(MONDAY, 3));
    complete(review(project.code(), "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "请补充"));
    today(addWorkingDays(MONDAY, 8));
    complete(task(project.code(), "sthj-eia", "supplementItem"), Map.of("supplementNote", "已补充"));
    // While open, items count to today; the returned one less its own five paused days.
    var eia = itemView(project.code(), "sthj-eia");
    assertThat(eia.grossWorkingDays()).isEqualTo(8);
    assertThat(eia.netWorkingDays()).isEqualTo(3);
    assertThat(itemView(project.code(), "fgw-filing").grossWorkingDays()).isEqualTo(8);
    assertThat(itemView(project.code(), "fgw-filing").netWorkingDays()).isEqualTo(8);
    today(ready());
    approveEverything(project.code());
    var approved = itemView(project.code(), "sthj-eia");
    assertThat(approved.grossWorkingDays()).isEqualTo(40);
    assertThat(approved.netWorkingDays()).isEqualTo(35);
    assertThat(approved.pausedWorkingDays()).isEqualTo(5);
    // The ledger's history line says both too.
    assertThat(views.of(project.code()).history()).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("ITEM_APPROVED");
      assertThat(e.itemCode()).isEqualTo("sthj-eia");
      assertThat(e.detail()).contains("用时 35 个工作日（总计 40 个工作日，补正暂停 5 个工作日不计入）");
    });

    today(addWorkingDays(ready(), 6));
    var response = node("keyoffice", project.code(), started(addWorkingDays(ready(), 5)));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var json = response.getBody();
    assertThat(json.get("status").asText()).isEqualTo("STARTED");
    assertThat(json.get("grossWorkingDays").asInt()).isEqualTo(45);
    assertThat(json.get("netWorkingDays").asInt()).isEqualTo(40);
    assertThat(json.get("workingDaysUsed").asInt()).isEqualTo(40);
    assertThat(json.get("pausedWorkingDays").asInt()).isEqualTo(5);
    var item = json.get("items").findValues("itemCode").stream().map(JsonNode::asText).toList()
        .indexOf("sthj-eia");
    assertThat(json.get("items").get(item).get("grossWorkingDays").asInt()).isEqualTo(40);
    assertThat(json.get("items").get(item).get("netWorkingDays").asInt()).isEqualTo(35);
    var history = views.of(project.code()).history();
    assertThat(history.get(history.size() - 1).actor()).isEqualTo("keyoffice");
    assertThat(history.get(history.size() - 1).detail()).contains("总计 45 个工作日")
        .contains("补正暂停 5 个工作日不计入");
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() {
    var project = readyProject();
    var notReady = register(ProjectFixtures.body(ProjectFixtures.newCode("S"), MONDAY.toString()));
    today(addWorkingDays(ready(), 2));
    var before = views.of(project.code());

    assertRefused(node("cso-lankao", project.code(), started(ready().minusDays(1))),
        HttpStatus.BAD_REQUEST, "date");
    assertRefused(node("cso-lankao", project.code(), started(ChinaTime.today().plusDays(1))),
        HttpStatus.BAD_REQUEST, "date");
    assertRefused(node("cso-lankao", project.code(), Map.of("node", "STARTED", "date", "明天")),
        HttpStatus.BAD_REQUEST, "date");
    assertRefused(node("cso-lankao", project.code(),
        Map.of("node", "COMPLETED", "date", ready().toString())), HttpStatus.BAD_REQUEST, "node");
    assertRefused(node("cso-lankao", notReady.code(), started(ready())),
        HttpStatus.BAD_REQUEST, "node");
    assertRefused(node("cso-longting", project.code(), started(ready())),
        HttpStatus.FORBIDDEN, null);
    assertRefused(node("officer-fgw", project.code(), started(ready())),
        HttpStatus.FORBIDDEN, null);
    assertThat(node("keyoffice", "NO-SUCH-PROJECT", started(ready())).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    var after = views.of(project.code());
    assertThat(after.status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    assertThat(after.startedOn()).isNull();
    assertThat(after.history()).hasSameSizeAs(before.history());
    assertThat(after.workingDaysUsed()).isEqualTo(before.workingDaysUsed());
    assertThat(views.of(notReady.code()).status()).isEqualTo(ProjectStatus.APPROVING);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult()).isWaitingAt("awaitStart");
    // The start on readiness day itself is fine.
    assertThat(node("cso-lankao", project.code(), started(ready())).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // And only once.
    assertRefused(node("cso-lankao", project.code(), started(ready())),
        HttpStatus.BAD_REQUEST, "node");
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status,
      String field) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    if (field != null) {
      assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
          .contains(field);
    }
  }

  @Test
  void aReadyProjectNotStartedInTimeTurnsYellowWithTheAlert() {
    var project = readyProject();
    var timer = timer(project.processInstanceId(), "startOverdue");
    var expectedBy = addWorkingDays(ready(), EXPECTED_WITHIN).plusDays(1);
    assertThat(timer.getDuedate()).isEqualTo(ChinaTime.startOf(expectedBy));

    today(expectedBy);
    managementService.executeJob(timer.getId());
    runContinuations();

    var late = views.of(project.code());
    assertThat(late.light()).isEqualTo(Light.YELLOW);
    assertThat(late.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo("START_OVERDUE");
      assertThat(alert.name()).isEqualTo("应开未开");
      assertThat(alert.node()).isEqualTo("STARTED");
      assertThat(alert.raisedOn()).isEqualTo(expectedBy);
      assertThat(alert.detail()).contains("具备开工条件").contains(EXPECTED_WITHIN + " 个工作日后仍未开工");
    });
    assertThat(late.history()).extracting(e -> e.event()).contains("START_OVERDUE");
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId()).singleResult()).isWaitingAt("awaitStart");

    // Started late after all: the alert is gone, the days count to the start.
    var response = node("cso-lankao", project.code(), started(expectedBy));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("alerts")).isEmpty();
    assertThat(response.getBody().get("workingDaysUsed").asInt())
        .isEqualTo(40 + calendar.calendar().count(ready(), expectedBy));
  }

  @Test
  void aProjectStartedInTimeRaisesNoAlert() {
    var project = readyProject();
    today(addWorkingDays(ready(), EXPECTED_WITHIN));
    assertThat(node("cso-lankao", project.code(), started(ChinaTime.today())).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(timer(project.processInstanceId(), "startOverdue")).isNull();
    today(addWorkingDays(ready(), EXPECTED_WITHIN + 5));
    var later = views.of(project.code());
    assertThat(later.light()).isEqualTo(Light.GREEN);
    assertThat(later.alerts()).isEmpty();
    assertThat(later.history()).extracting(e -> e.event()).doesNotContain("START_OVERDUE");
  }

  @Test
  void loadingANewYearMovesTheWaitingStartOverdueTimer() {
    // Delisted in July 2026, its 80 working days end in November: the project's own clock does not
    // reach 2027. Ready in mid-December, its 20 working days to 应开未开 end in January 2027,
    // whose schedule is not published yet: weekends only, 2027-01-01 counted as a working day.
    today("2026-07-20");
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("S"), "2026-07-20"));
    var ready = LocalDate.parse("2026-12-14");
    today(ready);
    approveEverything(project.code());
    assertThat(views.of(project.code()).deadline()).isBefore(LocalDate.parse("2026-12-01"));
    var before = timer(project.processInstanceId(), "startOverdue").getDuedate();
    assertThat(before).isEqualTo(ChinaTime.startOf(addWorkingDays(ready, EXPECTED_WITHIN)
        .plusDays(1)));
    assertThat(addWorkingDays(ready, EXPECTED_WITHIN)).hasYear(2027);

    try {
      calendar.loadYear(parser.parse(CalendarFixtures.schedule2027(), 2027), "test");

      // New Year's Day is a holiday now: 应开未开 comes a working day later.
      var expectedBy = addWorkingDays(ready, EXPECTED_WITHIN).plusDays(1);
      var after = timer(project.processInstanceId(), "startOverdue").getDuedate();
      assertThat(after).isEqualTo(ChinaTime.startOf(expectedBy)).isAfter(before);
      today(expectedBy.minusDays(1));
      assertThat(managementService.createJobQuery().processInstanceId(project.processInstanceId())
          .activityId("startOverdue").executable().count()).isZero();
    } finally {
      CalendarFixtures.unload2027(jdbc, calendar);
    }
  }
}
