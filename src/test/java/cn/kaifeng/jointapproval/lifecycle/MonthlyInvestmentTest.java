package cn.kaifeng.jointapproval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * 月度投资进度填报: the task on the first working day of a month, for the projects between 签约 and
 * 投产, its assignee, due date, lights and form; the same report through the API, corrections.
 */
class MonthlyInvestmentTest extends LifecycleTestSupport {

  @org.springframework.beans.factory.annotation.Autowired
  org.camunda.bpm.engine.HistoryService historyService;

  private Task reportTask(String code) {
    return taskService.createTaskQuery().processDefinitionKey("investment-report")
        .processInstanceBusinessKey(code).taskDefinitionKey("reportInvestment").singleResult();
  }

  private void plan(String code, int year, Object investment) {
    var body = new HashMap<String, Object>();
    body.put("year", year);
    body.put("investment", investment);
    assertThat(send(HttpMethod.PUT, "keyoffice", "/api/projects/" + code + "/plan", body)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theFirstWorkingDayOfTheMonthGivesEachProjectFromSigningToCompletionATask() {
    today(LocalDate.parse("2025-09-20"));
    String signed = project("SIGNED", "cso-lankao", "leader-1",
        Map.of("SIGNED", LocalDate.parse("2025-08-01")));
    String completed = project("COMPLETED", "cso-lankao", "leader-1",
        Map.of("COMPLETED", LocalDate.parse("2025-06-30")));
    String reserve = project("RESERVE", "cso-lankao", "leader-1", Map.of());
    String operating = project("OPERATING", "cso-lankao", "leader-1",
        Map.of("OPERATING", LocalDate.parse("2025-05-30")));

    // 2025-10-01…08 are the National Day holidays: the first working day of October is the 9th.
    today(LocalDate.parse("2025-10-08"));
    runTimerProcess("monthly-investment");
    assertThat(reportTask(signed)).isNull();

    var firstWorkingDay = LocalDate.parse("2025-10-09");
    today(firstWorkingDay);
    runTimerProcess("monthly-investment");
    var task = reportTask(signed);
    assertThat(task).isNotNull();
    assertThat(task.getName()).isEqualTo("月度投资进度填报：兰考县节点项目" + signed + "（2025-09）");
    assertThat(task.getAssignee()).isEqualTo("cso-lankao");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("county-lankao");
    var due = addWorkingDays(firstWorkingDay, 5);
    assertThat(task.getDueDate()).isEqualTo(ChinaTime.endOf(due));
    assertThat(task.getFollowUpDate()).isNotNull().isBefore(task.getDueDate());
    assertThat(reportTask(completed)).isNotNull();
    assertThat(reportTask(reserve)).isNull();
    assertThat(reportTask(operating)).isNull();

    // Once a month: the next mornings open nothing more.
    today(firstWorkingDay.plusDays(1));
    runTimerProcess("monthly-investment");
    assertThat(taskService.createTaskQuery().processDefinitionKey("investment-report")
        .processInstanceBusinessKey(signed).count()).isEqualTo(1);

    // Yellow at the warning share, red once overdue, like items.
    var instance = task.getProcessInstanceId();
    managementService.executeJob(timer(instance, "reportYellow").getId());
    assertThat(light(signed, "2025-09")).isEqualTo("YELLOW");
    today(due.plusDays(1));
    managementService.executeJob(timer(instance, "reportRed").getId());
    runContinuations();
    assertThat(light(signed, "2025-09")).isEqualTo("RED");
    assertThat(mails("cso-lankao@example.org", "月度投资进度填报")).isNotEmpty();
  }

  private String light(String code, String month) {
    return jdbc.sql("""
        select light from investment_request where project_code = :code and report_month = :m""")
        .param("code", code).param("m", month).query(String.class).single();
  }

  @Test
  void theOfficerCompletesTheFormAndABadValueIsRefused() {
    today(LocalDate.parse("2025-11-20"));
    String code = project("STARTED", "cso-lankao", "leader-1",
        Map.of("STARTED", LocalDate.parse("2025-07-01")));
    plan(code, 2025, 4000);
    today(LocalDate.parse("2025-12-01"));
    runTimerProcess("monthly-investment");
    var task = reportTask(code);
    assertThat(task.getAssignee()).isEqualTo("cso-lankao");
    assertThat(taskService.getVariable(task.getId(), "plannedInvestment")).isEqualTo("4000 万元");

    identityService.setAuthentication("cso-lankao", List.of("county-lankao"));
    assertThatThrownBy(() -> taskService.complete(task.getId(),
        Map.of("investment", -5, "note", "进度正常")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("investment");
    assertThatThrownBy(() -> taskService.complete(task.getId(),
        Map.of("investment", 10, "note", "进度正常", "month", "2025-01")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("month");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("investment", 10)))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("note");
    assertThat(reportTask(code)).isNotNull();

    taskService.complete(task.getId(), Map.of("investment", 1200.5, "note", "主体结构施工"));
    identityService.clearAuthentication();
    runContinuations();

    assertThat(reportTask(code)).isNull();
    var investment = get("keyoffice", code).get("investmentProgress");
    assertThat(investment.get("year").asInt()).isEqualTo(2025);
    assertThat(investment.get("planned").decimalValue()).isEqualByComparingTo("4000");
    assertThat(investment.get("completed").decimalValue()).isEqualByComparingTo("1200.5");
    assertThat(investment.get("completionRate").decimalValue()).isEqualByComparingTo("0.3001");
    var month = investment.get("months").get(0);
    assertThat(month.get("month").asText()).isEqualTo("2025-11");
    assertThat(month.get("reportedBy").asText()).isEqualTo("cso-lankao");
    assertThat(month.get("via").asText()).isEqualTo("TASK");
    assertThat(month.get("note").asText()).isEqualTo("主体结构施工");
    assertThat(views.of(code).history()).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("INVESTMENT_REPORTED");
      assertThat(e.actor()).isEqualTo("cso-lankao");
      assertThat(e.detail()).contains("2025-11 月度完成投资 1200.5 万元");
    });
  }

  @Test
  void theApiReportsAMonthOnceAndASecondReportCorrectsItKeepingTheFirst() {
    today(LocalDate.parse("2026-02-10"));
    String code = project("LANDED", "cso-lankao", "leader-1",
        Map.of("LANDED", LocalDate.parse("2025-12-01")));
    plan(code, 2026, 10000);
    // The January task is open (first working day of February 2026).
    today(LocalDate.parse("2026-02-02"));
    runTimerProcess("monthly-investment");
    assertThat(reportTask(code)).isNotNull();
    today(LocalDate.parse("2026-02-03"));

    var first = send(HttpMethod.POST, "cso-lankao", "/api/projects/" + code + "/progress",
        Map.of("month", "2026-01", "investment", 800, "note", "场地平整"));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody().get("completed").decimalValue()).isEqualByComparingTo("800");
    // The month's task ends: it was reported.
    assertThat(reportTask(code)).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(code).processDefinitionKey("investment-report").singleResult()
        .getEndActivityId()).isEqualTo("reportedElsewhere");

    var corrected = send(HttpMethod.POST, "keyoffice", "/api/projects/" + code + "/progress",
        Map.of("month", "2026-01", "investment", 850.25, "note", "场地平整，更正"));
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    var month = corrected.getBody().get("months").get(0);
    assertThat(month.get("investment").decimalValue()).isEqualByComparingTo("850.25");
    assertThat(month.get("version").asInt()).isEqualTo(2);
    assertThat(month.get("earlier").get(0).get("investment").decimalValue())
        .isEqualByComparingTo("800");
    assertThat(corrected.getBody().get("completed").decimalValue()).isEqualByComparingTo("850.25");
    assertThat(corrected.getBody().get("completionRate").decimalValue())
        .isEqualByComparingTo("0.0850");
    assertThat(views.of(code).history()).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("INVESTMENT_CORRECTED");
      assertThat(e.detail()).contains("800 → 850.25 万元");
    });

    var before = views.of(code).history().size();
    assertBad(code, Map.of("month", "2026-13", "investment", 1, "note", "x"), "month");
    assertBad(code, Map.of("month", "2026-03", "investment", 1, "note", "x"), "month");
    assertBad(code, Map.of("month", "2026-01", "investment", -1, "note", "x"), "investment");
    assertBad(code, Map.of("month", "2026-01", "investment", 1), "note");
    assertBad(code, Map.of("month", "2026-01", "investment", 1, "note", "x", "rate", 1), "rate");
    assertThat(send(HttpMethod.POST, "cso-longting", "/api/projects/" + code + "/progress",
        Map.of("month", "2026-01", "investment", 1, "note", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(views.of(code).history()).hasSize(before);

    // Before signing there is no investment to report.
    String reserve = project("NEGOTIATING", "cso-lankao", "leader-1",
        Map.of("NEGOTIATING", LocalDate.parse("2025-12-01")));
    assertBad(reserve, Map.of("month", "2026-01", "investment", 1, "note", "x"), "projectCode");
    assertThat(views.of(reserve).investmentProgress().months()).isEmpty();
  }

  private void assertBad(String code, Map<String, Object> body, String field) {
    var response = send(HttpMethod.POST, "cso-lankao", "/api/projects/" + code + "/progress",
        body);
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
        .contains(field);
  }
}
