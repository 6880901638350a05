package cn.kaifeng.jointapproval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 分包市领导周报 (bpmn/weekly-report.bpmn) against GreenMail: one mail per leader over all their
 * projects, none for a leader with nothing reached and nothing late.
 */
class WeeklyReportTest extends LifecycleTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-10");

  @BeforeEach
  void leaders() {
    for (String id : new String[] {"leader-busy", "leader-quiet"}) {
      var user = identityService.newUser(id);
      user.setFirstName("领导");
      user.setLastName(id.equals("leader-busy") ? "甲" : "乙");
      user.setEmail(id + "@example.org");
      user.setPassword("demo-demo-demo");
      identityService.saveUser(user);
      identityService.createMembership(id, "city-leader");
    }
  }

  @AfterEach
  void removeLeaders() {
    identityService.deleteUser("leader-busy");
    identityService.deleteUser("leader-quiet");
  }

  @Test
  void theTimerFiresOnMondayAtHalfPastEightBeijingTime() {
    var job = managementService.createJobQuery().processDefinitionKey("weekly-report").timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    var due = job.getDuedate().toInstant().atZone(ChinaTime.ZONE);
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(8, 30));
  }

  @Test
  void eachLeaderGetsOneMailForAllTheirProjectsAndAQuietLeaderNone() throws Exception {
    today(MONDAY.minusWeeks(2));
    // Reached 开工 last week.
    String started = project("STARTED", "cso-lankao", "leader-busy", Map.of(
        "LANDED", LocalDate.parse("2024-09-02"), "STARTED", MONDAY.minusDays(5)));
    // In approval: its open items with their lights.
    var body = ProjectFixtures.body(ProjectFixtures.newCode("W"), MONDAY.minusWeeks(2).toString());
    body.put("contractingLeader", "leader-busy");
    String approving = register(body).code();
    // Late: 应开未开 raised by the daily run.
    String late = project("LANDED", "cso-lankao", "leader-busy",
        Map.of("LANDED", LocalDate.parse("2024-11-04")));
    var plan = new java.util.HashMap<String, Object>();
    plan.put("year", 2025);
    plan.put("investment", 100);
    plan.put("nodes", Map.of("STARTED", MONDAY.minusWeeks(2).plusDays(1).toString()));
    send(org.springframework.http.HttpMethod.PUT, "keyoffice", "/api/projects/" + late + "/plan",
        plan);
    // The quiet leader's project reached its last node long ago and nothing is late.
    project("STARTED", "cso-lankao", "leader-quiet", Map.of(
        "LANDED", LocalDate.parse("2024-03-04"), "STARTED", LocalDate.parse("2024-09-02")));
    today(MONDAY.minusDays(1));
    runTimerProcess("project-alerts");
    smtp.purgeEmailFromAllMailboxes();

    today(MONDAY);
    runTimerProcess("weekly-report");

    var mail = mails("leader-busy@example.org", "周报");
    assertThat(mail).hasSize(1);
    assertThat(recipients(mail.get(0))).containsExactly("leader-busy@example.org");
    assertThat(subject(mail.get(0))).contains(MONDAY.minusDays(7) + " 至 " + MONDAY.minusDays(1))
        .contains("3 个项目");
    String text = body(mail.get(0));
    assertThat(text).contains(started).contains("开工（" + MONDAY.minusDays(5) + "）")
        .contains(late).contains("应开未开：计划 " + MONDAY.minusWeeks(2).plusDays(1) + " 开工")
        .contains(approving).contains("【绿灯】").contains("办理中")
        .contains("<h3>").contains("甲领导");
    assertThat(mails("leader-quiet@example.org", "周报")).isEmpty();

    // A week later nothing new was reached; the late project still is late: a mail again.
    smtp.purgeEmailFromAllMailboxes();
    today(MONDAY.plusWeeks(1));
    runTimerProcess("weekly-report");
    assertThat(mails("leader-busy@example.org", "周报")).hasSize(1);
    assertThat(body(mails("leader-busy@example.org", "周报").get(0)))
        .contains("本周到达节点：无");
    assertThat(mails("leader-quiet@example.org", "周报")).isEmpty();
  }

  @Test
  void aProblemRaisedInTheWeekIsReportedAndWakesAQuietLeader() throws Exception {
    today(MONDAY.minusDays(3));
    String quiet = project("STARTED", "cso-lankao", "leader-quiet", Map.of(
        "LANDED", LocalDate.parse("2024-03-04"), "STARTED", LocalDate.parse("2024-09-02")));
    var raised = send(org.springframework.http.HttpMethod.POST, "cso-lankao", "/api/problems",
        Map.of("projectCode", quiet, "category", "SITE", "description", "施工便道未贯通",
            "level", "COUNTY", "proposedUnit", "county-lankao"));
    assertThat(raised.getStatusCode().value()).isEqualTo(201);
    smtp.purgeEmailFromAllMailboxes();

    today(MONDAY);
    runTimerProcess("weekly-report");

    var mail = mails("leader-quiet@example.org", "周报");
    assertThat(mail).hasSize(1);
    assertThat(body(mail.get(0))).contains(quiet).contains("待解决问题")
        .contains("施工便道未贯通").contains("待交办").contains("本周到达节点：无");
  }
}
