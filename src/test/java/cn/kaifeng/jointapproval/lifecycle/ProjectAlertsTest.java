package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.AlertKind;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The daily alert process (bpmn/project-alerts.bpmn) with the engine clock moved: each finding is
 * raised once, mailed once to the chief service officer and the leader, and cleared when the fact
 * arrives or the plan moves.
 */
class ProjectAlertsTest extends LifecycleTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");

  @Autowired AlertRepository alertRows;

  @BeforeEach
  void setUp() {
    today(MONDAY);
  }

  private void plan(String code, int year, Map<String, Object> nodes) {
    var body = new HashMap<String, Object>();
    body.put("year", year);
    body.put("investment", 10000);
    body.put("nodes", nodes);
    assertThat(send(HttpMethod.PUT, "keyoffice", "/api/projects/" + code + "/plan", body)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private java.util.List<ProjectAlert> rows(String code) {
    return jdbc.sql("select * from project_alert where project_code = :code order by id")
        .param("code", code).query((rs, i) -> new ProjectAlert(rs.getLong("id"), code,
            AlertKind.valueOf(rs.getString("kind")), Node.valueOf(rs.getString("node")),
            rs.getObject("raised_on", LocalDate.class), rs.getObject("cleared_on", LocalDate.class),
            rs.getString("detail"))).list();
  }

  @Test
  void theTimerRunsEveryMorningInBeijingTime() {
    var job = managementService.createJobQuery().processDefinitionKey("project-alerts").timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    assertThat(job.getDuedate().toInstant().atZone(ChinaTime.ZONE).toLocalTime())
        .isEqualTo(LocalTime.of(7, 30));
  }

  @Test
  void aLateStartIsRaisedOnceMailedOnceAndClearedWhenTheStartArrives() throws Exception {
    String code = project("LANDED", "cso-lankao", "leader-3",
        Map.of("LANDED", LocalDate.parse("2025-01-06")));
    var planned = MONDAY.plusDays(10);
    plan(code, 2025, Map.of("STARTED", planned.toString()));

    today(planned);
    runTimerProcess("project-alerts");
    assertThat(rows(code)).isEmpty();

    today(planned.plusDays(1));
    runTimerProcess("project-alerts");
    assertThat(rows(code)).singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo(AlertKind.START_OVERDUE);
      assertThat(alert.node()).isEqualTo(Node.STARTED);
      assertThat(alert.raisedOn()).isEqualTo(planned.plusDays(1));
      assertThat(alert.clearedOn()).isNull();
    });
    var alerts = get("cso-lankao", code).get("alerts");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("kind").asText()).isEqualTo("START_OVERDUE");
    assertThat(alerts.get(0).get("name").asText()).isEqualTo("应开未开");
    assertThat(alerts.get(0).get("node").asText()).isEqualTo("STARTED");
    assertThat(alerts.get(0).get("raisedOn").asText()).isEqualTo(planned.plusDays(1).toString());
    assertThat(alerts.get(0).get("detail").asText()).contains("计划 " + planned + " 开工");
    // One mail, to the named officer and the leader together.
    var mail = mails("cso-lankao@example.org", "应开未开");
    assertThat(mail).hasSize(1);
    assertThat(recipients(mail.get(0)))
        .containsExactlyInAnyOrder("cso-lankao@example.org", "leader-3@example.org");
    assertThat(body(mail.get(0))).contains(code).contains("计划 " + planned + " 开工");

    // The next mornings: still one alert, no second mail.
    today(planned.plusDays(2));
    runTimerProcess("project-alerts");
    today(planned.plusDays(3));
    runTimerProcess("project-alerts");
    assertThat(rows(code)).hasSize(1);
    assertThat(mails("leader-3@example.org", "应开未开")).hasSize(1);

    // The start is recorded: the page shows no alert at once, the next run clears it.
    reach(code, "STARTED", planned.plusDays(3));
    assertThat(get("cso-lankao", code).get("alerts")).isEmpty();
    today(planned.plusDays(4));
    runTimerProcess("project-alerts");
    assertThat(rows(code)).singleElement()
        .satisfies(alert -> assertThat(alert.clearedOn()).isEqualTo(planned.plusDays(4)));
    assertThat(views.of(code).history()).extracting(e -> e.event())
        .containsSubsequence("START_OVERDUE", "ALERT_CLEARED");
    assertThat(views.of(code).history().get(views.of(code).history().size() - 1).detail())
        .contains("应开未开预警解除").contains("开工");
    assertThat(mails("leader-3@example.org", "应开未开")).hasSize(1);
  }

  @Test
  void aNodeLateByMoreThanTheAllowedWorkingDaysIsRaisedAndClearedWhenThePlanMoves() {
    String code = project("NEGOTIATING", "cso-lankao", "leader-3",
        Map.of("NEGOTIATING", LocalDate.parse("2025-02-03")));
    var planned = LocalDate.parse("2025-03-05");
    plan(code, 2025, Map.of("SIGNED", planned.toString()));

    // node-late-working-days is 10: late on the 11th working day after the planned date.
    today(addWorkingDays(planned, 10));
    runTimerProcess("project-alerts");
    assertThat(rows(code)).isEmpty();
    today(addWorkingDays(planned, 11));
    runTimerProcess("project-alerts");
    assertThat(rows(code)).singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo(AlertKind.NODE_LATE);
      assertThat(alert.node()).isEqualTo(Node.SIGNED);
      assertThat(alert.detail()).contains("已滞后 11 个工作日");
    });
    assertThat(get("keyoffice", code).get("alerts").get(0).get("name").asText())
        .isEqualTo("节点滞后");
    assertThat(get("keyoffice", code).get("plan").get("nodes").get(0).get("overdue").asBoolean())
        .isTrue();

    // The county moves the plan: the finding no longer holds, the next run clears it.
    plan(code, 2025, Map.of("SIGNED", addWorkingDays(planned, 30).toString()));
    today(addWorkingDays(planned, 12));
    runTimerProcess("project-alerts");
    assertThat(rows(code)).singleElement()
        .satisfies(alert -> assertThat(alert.clearedOn()).isNotNull());
    assertThat(get("keyoffice", code).get("alerts")).isEmpty();
    assertThat(views.of(code).history().get(views.of(code).history().size() - 1).detail())
        .contains("节点计划调整后不再滞后");
  }

  @Test
  void aNodeRecordedThroughTheApiClearsItsAlertAtOnceAndTheListNoLongerFindsIt() {
    String code = project("NEGOTIATING", "cso-lankao", "leader-3",
        Map.of("NEGOTIATING", LocalDate.parse("2025-02-03")));
    var planned = LocalDate.parse("2025-03-05");
    plan(code, 2025, Map.of("SIGNED", planned.toString()));
    var late = addWorkingDays(planned, 11);
    today(late);
    runTimerProcess("project-alerts");
    assertThat(rows(code)).singleElement()
        .satisfies(alert -> assertThat(alert.clearedOn()).isNull());
    assertThat(send(HttpMethod.GET, "keyoffice", "/api/projects?alert=NODE_LATE&q=" + code, null)
        .getBody().get("totalElements").asInt()).isOne();

    var recorded = send(HttpMethod.POST, "cso-lankao", "/api/projects/" + code + "/nodes",
        Map.of("node", "SIGNED", "date", late.toString(), "investor", "某投资公司",
            "fortune500", false));
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);

    // Cleared in the recording's own transaction, not by the next morning's run.
    assertThat(rows(code)).singleElement()
        .satisfies(alert -> assertThat(alert.clearedOn()).isEqualTo(late));
    assertThat(send(HttpMethod.GET, "keyoffice", "/api/projects?alert=NODE_LATE&q=" + code, null)
        .getBody().get("totalElements").asInt()).isZero();
    assertThat(views.of(code).history()).extracting(e -> e.detail())
        .anyMatch(d -> d != null && d.contains("节点滞后预警解除") && d.contains("签约"));
  }

  @Test
  void aLateCompletionWithOlderFreeTextPeopleGoesToTheCountyAndNoLeader() throws Exception {
    String code = project("STARTED", "李明", "张副市长", Map.of(
        "LANDED", LocalDate.parse("2024-05-06"), "STARTED", LocalDate.parse("2024-10-08")));
    plan(code, 2025, Map.of("COMPLETED", "2025-03-10", "OPERATING", "2025-12-01"));

    today(LocalDate.parse("2025-03-11"));
    runTimerProcess("project-alerts");

    assertThat(rows(code)).singleElement().satisfies(alert -> {
      assertThat(alert.kind()).isEqualTo(AlertKind.COMPLETION_OVERDUE);
      assertThat(alert.node()).isEqualTo(Node.COMPLETED);
    });
    var mail = mails("cso-lankao@example.org", "应竣未竣");
    assertThat(mail).hasSize(1);
    assertThat(body(mail.get(0))).contains("计划 2025-03-10 竣工");
    assertThat(recipients(mail.get(0))).allSatisfy(r -> assertThat(r).doesNotContain("leader"));
  }
}
