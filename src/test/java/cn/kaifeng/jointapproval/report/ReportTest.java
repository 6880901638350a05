package cn.kaifeng.jointapproval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.TestSmtp;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 单月通报 end to end on a fixture month (September 2025) whose figures and points are computed by
 * hand below, from the weights of the shipped evaluation-score table: draft on the first working
 * day of October, send back after a correction, publication, mails, workbook, immutability,
 * statements of the last, republication; a changed weight; two months last in a row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.mail.host=localhost", "jointapproval.report.statement-due-working-days=5"})
@ActiveProfiles("test")
class ReportTest {

  static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CalendarService calendar;
  @Autowired ReportRepository reports;

  private static boolean september;
  private static String lankaoStarted;
  private static String qixianStarted;

  @BeforeEach
  void fixtureMonth() throws Exception {
    runContinuations();
    smtp.purgeEmailFromAllMailboxes();
    if (september) {
      return;
    }
    september = true;
    var f = new ReportFixtures(jdbc);
    // 兰考县: 20 working days saved (80 − 60) → 10; a 500强 signing → 3 + 5; a landing of 12 亿元
    // → 4 + 3, a provincial key project → 2; start rate 1/1 → 20; investment 5000/10000 → 10.
    // Total 57.
    lankaoStarted = f.project("lankao", 30000);
    f.reach(lankaoStarted, "LANDED", LocalDate.parse("2025-05-06"));
    f.started(lankaoStarted, LocalDate.parse("2025-09-10"), 80, 60);
    f.plan(lankaoStarted, 2025, 10000, "STARTED", LocalDate.parse("2025-08-01"));
    f.invested(lankaoStarted, "2025-08", 1, "3000");
    f.invested(lankaoStarted, "2025-09", 1, "2000");
    String signed = f.project("lankao", 50000);
    f.set(signed, "fortune500", true);
    f.reach(signed, "SIGNED", LocalDate.parse("2025-09-05"));
    String landed = f.project("lankao", 120000);
    f.set(landed, "provincial_key", true);
    f.reach(landed, "LANDED", LocalDate.parse("2025-09-15"));
    // 杞县: 6 working days over its 50 → −6; a new reserve project → 1; an "8+1" project → 2;
    // start rate 1/1 → 20; completion rate 0/1 → 0; investment 5000 (second version of the
    // month's report) / 20000 → 5; an overdue supervision case → −3. Total 19.
    qixianStarted = f.project("qixian", 40000);
    f.set(qixianStarted, "industry_chain", true);
    f.reach(qixianStarted, "LANDED", LocalDate.parse("2025-03-01"));
    f.started(qixianStarted, LocalDate.parse("2025-09-20"), 50, 56);
    f.plan(qixianStarted, 2025, 20000, "STARTED", LocalDate.parse("2025-09-01"));
    f.plannedNode(qixianStarted, "COMPLETED", LocalDate.parse("2025-09-15"));
    f.invested(qixianStarted, "2025-09", 1, "4000");
    f.invested(qixianStarted, "2025-09", 2, "5000");
    String reserve = f.project("qixian", 8000);
    f.set(reserve, "industry_chain", true); // not signed yet: not in the portfolio
    f.reach(reserve, "RESERVE", LocalDate.parse("2025-09-03"));
    f.supervisionCase(qixianStarted, "county-qixian", true, Instant.parse("2025-08-20T02:00:00Z"));
    // 龙亭区: a problem past its deadline → −2, the last county.
    String longting = f.project("longting", 9000);
    f.problem(longting, "county-longting", LocalDate.parse("2025-09-15"), null);
    // 市发展改革委: two items on time → 2. 市自然资源规划局: one on time, one late → 1 − 3 = −2.
    // 市生态环境局: an open item past due → −3, an approved accountability proposal → −5: −8.
    f.item(lankaoStarted, "fgw", LocalDate.parse("2025-09-10"), LocalDate.parse("2025-09-05"));
    f.item(lankaoStarted, "fgw", LocalDate.parse("2025-09-10"), LocalDate.parse("2025-09-08"));
    f.item(lankaoStarted, "zrzy", LocalDate.parse("2025-09-20"), LocalDate.parse("2025-09-19"));
    f.item(lankaoStarted, "zrzy", LocalDate.parse("2025-09-10"), LocalDate.parse("2025-09-12"));
    f.item(qixianStarted, "sthj", LocalDate.parse("2025-09-20"), null);
    String sthjCase = f.supervisionCase(qixianStarted, "approval-sthj", false,
        Instant.parse("2025-07-01T02:00:00Z"));
    f.accountabilityApproved(qixianStarted, sthjCase, Instant.parse("2025-09-25T04:00:00Z"));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void aMonthIsDraftedScoredSentBackPublishedDistributedAndRepublished() throws Exception {
    // 2025-10-01…08 are the National Day holidays: the first working day is the 9th.
    today("2025-10-08");
    runTimerProcess();
    assertThat(reports.exists("2025-09")).isFalse();
    today("2025-10-09");
    runTimerProcess();
    var review = reviewTask("2025-09");
    assertThat(review.getName()).isEqualTo("审核通报：2025年9月（第 1 版）");
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("key-projects-office");
    long id = reports.ofInstance(review.getProcessInstanceId()).id();
    assertThat(taskService.getVariable(review.getId(), "draftUrl"))
        .isEqualTo("http://localhost:8080/board/reports/?id=" + id);
    // Once a month.
    today("2025-10-10");
    runTimerProcess();
    assertThat(reports.ofPeriod("2025-09")).hasSize(1);

    // The draft: keyoffice reads it, a county officer does not yet.
    var draft = get("keyoffice", "/api/reports/" + id);
    assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    assertThat(status("cso-lankao", "/api/reports/" + id)).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("cso-lankao", "/api/reports?period=2025-09"))
        .isEqualTo(HttpStatus.NOT_FOUND);

    var lankao = line(draft, "counties", "county-lankao");
    assertThat(lankao.get("total").decimalValue()).isEqualByComparingTo("57");
    assertPoints(lankao, "DAYS_SAVED", "20", "10");
    assertPoints(lankao, "DAYS_OVER", "0", "0");
    assertPoints(lankao, "START_RATE", "1", "20");
    assertPoints(lankao, "INVESTMENT_RATE", "0.5", "10");
    assertPoints(lankao, "NEW_SIGNED", "1", "3");
    assertPoints(lankao, "FORTUNE500", "1", "5");
    assertPoints(lankao, "NEW_LANDED", "1", "4");
    assertPoints(lankao, "BILLION", "1", "3");
    assertPoints(lankao, "PROVINCIAL_KEY", "1", "2");
    assertThat(score(lankao, "COMPLETION_RATE").get("figure").isNull()).isTrue();
    var qixian = line(draft, "counties", "county-qixian");
    assertThat(qixian.get("total").decimalValue()).isEqualByComparingTo("19");
    assertPoints(qixian, "DAYS_OVER", "6", "-6");
    assertPoints(qixian, "NEW_RESERVE", "1", "1");
    assertPoints(qixian, "INDUSTRY_CHAIN", "1", "2");
    assertPoints(qixian, "START_RATE", "1", "20");
    assertPoints(qixian, "COMPLETION_RATE", "0", "0");
    assertPoints(qixian, "INVESTMENT_RATE", "0.25", "5");
    assertPoints(qixian, "OVERDUE_CASES", "1", "-3");
    var longting = line(draft, "counties", "county-longting");
    assertPoints(longting, "OVERDUE_PROBLEMS", "1", "-2");
    assertThat(longting.get("total").decimalValue()).isEqualByComparingTo("-2");
    assertThat(rankAndFlag(lankao)).isEqualTo("1 TOP");
    assertThat(rankAndFlag(qixian)).isEqualTo("2 TOP");
    assertThat(rankAndFlag(line(draft, "counties", "county-gulou"))).isEqualTo("3 TOP");
    assertThat(rankAndFlag(longting)).isEqualTo("10 LAST");

    var fgw = line(draft, "departments", "approval-fgw");
    assertPoints(fgw, "ITEMS_ON_TIME", "2", "2");
    assertThat(rankAndFlag(fgw)).isEqualTo("1 TOP");
    var zrzy = line(draft, "departments", "approval-zrzy");
    assertPoints(zrzy, "ITEMS_ON_TIME", "1", "1");
    assertPoints(zrzy, "ITEMS_OVERDUE", "1", "-3");
    assertThat(zrzy.get("total").decimalValue()).isEqualByComparingTo("-2");
    assertThat(rankAndFlag(zrzy)).isEqualTo("11 null");
    var sthj = line(draft, "departments", "approval-sthj");
    assertPoints(sthj, "ITEMS_OVERDUE", "1", "-3");
    assertPoints(sthj, "ACCOUNTABILITY", "1", "-5");
    assertThat(sthj.get("total").decimalValue()).isEqualByComparingTo("-8");
    assertThat(rankAndFlag(sthj)).isEqualTo("12 LAST");
    assertThat(line(draft, "departments", "approval-fgw").get("scores")).extracting(
        s -> s.get("rule").asText()).doesNotContain("START_RATE", "NEW_SIGNED");

    // Sent back after a correction: a third version of 杞县's September investment (6000).
    identityService.setAuthentication("keyoffice", List.of("key-projects-office"));
    assertThatThrownBy(() -> taskService.complete(review.getId(),
        Map.of("decision", "SEND_BACK")))
        .hasRootCauseInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("sendBackReason");
    new ReportFixtures(jdbc).invested(qixianStarted, "2025-09", 3, "6000");
    taskService.complete(review.getId(), Map.of("decision", "SEND_BACK",
        "sendBackReason", "杞县 9 月完成投资更正为 6000 万元"));
    identityService.clearAuthentication();
    runContinuations();
    var again = reviewTask("2025-09");
    var recomputed = get("keyoffice", "/api/reports/" + id);
    assertThat(recomputed.get("sendBacks").asInt()).isEqualTo(1);
    assertThat(line(recomputed, "counties", "county-qixian").get("total").decimalValue())
        .isEqualByComparingTo("20");

    // Published with a commentary.
    identityService.setAuthentication("keyoffice", List.of("key-projects-office"));
    taskService.complete(again.getId(), Map.of("decision", "PUBLISH",
        "commentary", "兰考县新签约世界500强项目，势头良好；龙亭区须加快问题办理。"));
    identityService.clearAuthentication();
    runContinuations();
    var published = get("cso-lankao", "/api/reports?period=2025-09");
    assertThat(published.get("id").asLong()).isEqualTo(id);
    assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(published.get("publishedBy").asText()).isEqualTo("keyoffice");
    assertThat(published.get("commentary").asText()).contains("世界500强");
    assertThat(published.get("changes").isNull()).isTrue();

    // Mails: every county and department with its own line, every leader, with the link.
    var lankaoMail = TestSmtp.mails(smtp, "cso-lankao@example.org", "2025年9月通报");
    assertThat(lankaoMail).hasSize(1);
    String body = TestSmtp.body(lankaoMail.get(0));
    assertThat(body).contains("本单位在县区中排名第 1 名，总分 57.00 分")
        .contains("→ 1. 兰考县").contains("兰考县（本单位）")
        .contains("http://localhost:8080/board/reports/?id=" + id).contains("世界500强");
    assertThat(TestSmtp.body(TestSmtp.mails(smtp, "officer-sthj@example.org", "2025年9月通报")
        .get(0))).contains("排名第 12 名").contains("【末位】").contains("→ 12. 市生态环境局");
    assertThat(TestSmtp.mails(smtp, "cso-longting@example.org", "2025年9月通报")).hasSize(1);
    assertThat(TestSmtp.body(TestSmtp.mails(smtp, "leader-1@example.org", "2025年9月通报")
        .get(0))).contains("标亮的是您分包项目所在的县区");
    assertThat(TestSmtp.mails(smtp, "leader-5@example.org", "2025年9月通报")).hasSize(1);

    // 末位表态: 龙亭区 and 市生态环境局, due in five working days.
    var statementTasks = taskService.createTaskQuery().processDefinitionKey(
        "last-place-statement").processInstanceBusinessKeyLike("2025-09:%").list();
    assertThat(statementTasks).extracting(Task::getName).containsExactlyInAnyOrder(
        "末位表态：龙亭区（2025年9月）", "末位表态：市生态环境局（2025年9月）");
    var sthjTask = statementTasks.stream().filter(t -> t.getName().contains("生态环境"))
        .findFirst().orElseThrow();
    assertThat(taskService.getIdentityLinksForTask(sthjTask.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("approval-sthj");
    // Published on the 10th: five working days, counting Saturday the 11th (a make-up day).
    assertThat(sthjTask.getDueDate()).isEqualTo(ChinaTime.endOf(
        calendar.calendar().add(LocalDate.parse("2025-10-10"), 5)));
    assertThat(ChinaTime.dateOf(sthjTask.getDueDate())).isEqualTo(LocalDate.parse("2025-10-16"));
    identityService.setAuthentication("officer-sthj", List.of("approval-sthj"));
    assertThatThrownBy(() -> taskService.complete(sthjTask.getId(),
        Map.of("causes", "环评审批积压")))
        .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("measures");
    taskService.complete(sthjTask.getId(), Map.of("causes", "环评审批积压",
        "measures", "增派审查人员，周清周结"));
    identityService.clearAuthentication();
    runContinuations();
    var withStatement = get("officer-sthj", "/api/reports/" + id);
    assertThat(withStatement.get("statements")).anySatisfy(s -> {
      assertThat(s.get("unitName").asText()).isEqualTo("市生态环境局");
      assertThat(s.get("measures").asText()).isEqualTo("增派审查人员，周清周结");
      assertThat(s.get("submittedBy").asText()).isEqualTo("officer-sthj");
      assertThat(s.get("consecutive").asBoolean()).isFalse();
    });

    // The workbook: one sheet per audience, Chinese headers, the figures read back.
    var excel = rest.withBasicAuth("cso-qixian", "demo")
        .getForEntity("/api/reports/" + id + "/workbook", byte[].class);
    assertThat(excel.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(excel.getHeaders().getContentType().toString()).contains("spreadsheetml");
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(excel.getBody()))) {
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("县区排名");
      assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("市直部门排名");
      assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("末位表态");
      var counties = book.getSheet("县区排名");
      assertThat(counties.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("2025年9月重大项目推进考评通报（第 1 版，已发布）");
      var header = counties.getRow(2);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("名次");
      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("单位");
      assertThat(header.getCell(2).getStringCellValue()).isEqualTo("审批节约工作日");
      assertThat(header.getCell(3).getStringCellValue()).isEqualTo("审批节约工作日得分");
      int totalColumn = column(header, "总分");
      var first = counties.getRow(3);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("兰考县");
      assertThat(first.getCell(totalColumn).getNumericCellValue()).isEqualTo(57.0);
      assertThat(first.getCell(column(header, "标记")).getStringCellValue()).isEqualTo("前三");
      var departments = book.getSheet("市直部门排名");
      var last = departments.getRow(departments.getLastRowNum());
      assertThat(last.getCell(1).getStringCellValue()).isEqualTo("市生态环境局");
      assertThat(last.getCell(column(departments.getRow(2), "总分")).getNumericCellValue())
          .isEqualTo(-8.0);
      var statements = book.getSheet("末位表态");
      assertThat(statements.getRow(2).getCell(3).getStringCellValue()).isEqualTo("原因");
      assertThat(statements.getRow(3).getCell(0).getStringCellValue()).isEqualTo("龙亭区");
      assertThat(statements.getRow(3).getCell(3).getStringCellValue()).isEqualTo("尚未提交");
      assertThat(statements.getRow(4).getCell(4).getStringCellValue())
          .isEqualTo("增派审查人员，周清周结");
    }

    // Immutable: the API refuses changes, a recomputation writes nothing, rows stay as they were.
    var before = snapshot(id);
    for (var method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
      var refused = send(method, "keyoffice", "/api/reports/" + id,
          Map.of("commentary", "改写"));
      assertThat(refused.getStatusCode()).as(method.name()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(refused.getHeaders().getContentType().toString())
          .contains("application/problem+json");
    }
    assertThat(send(HttpMethod.PUT, "demo", "/api/reports/" + id + "/lines",
        Map.of("total", 100)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(reports.storeDraft(id, new Ranking(List.of()), 99)).isFalse();
    assertThat(reports.publish(id, "someone", "x")).isFalse();
    reports.comment(id, "改写");
    assertThat(snapshot(id)).isEqualTo(before);

    // Republication after a correction: 杞县 signs a 500强 investor in September after all.
    var bad = send(HttpMethod.POST, "keyoffice", "/api/reports/versions",
        Map.of("period", "2025-Q3", "reason", "x"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("period");
    assertThat(send(HttpMethod.POST, "keyoffice", "/api/reports/versions",
        Map.of("period", "2025-09")).getBody().get("errors").get(0).get("field").asText())
        .isEqualTo("reason");
    assertThat(send(HttpMethod.POST, "cso-lankao", "/api/reports/versions",
        Map.of("period", "2025-09", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var f = new ReportFixtures(jdbc);
    String late = f.project("qixian", 60000);
    f.set(late, "fortune500", true);
    f.reach(late, "SIGNED", LocalDate.parse("2025-09-28"));
    var requested = send(HttpMethod.POST, "keyoffice", "/api/reports/versions",
        Map.of("period", "2025-09", "reason", "补录杞县 9 月 28 日签约的世界500强项目"));
    assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(requested.getBody().get("version").asInt()).isEqualTo(2);
    assertThat(send(HttpMethod.POST, "keyoffice", "/api/reports/versions",
        Map.of("period", "2025-09", "reason", "再来一次")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    runContinuations();
    identityService.setAuthentication("keyoffice", List.of("key-projects-office"));
    taskService.complete(reviewTask("2025-09").getId(), Map.of("decision", "PUBLISH"));
    identityService.clearAuthentication();
    runContinuations();
    var current = get("cso-qixian", "/api/reports?period=2025-09");
    assertThat(current.get("version").asInt()).isEqualTo(2);
    assertThat(current.get("changes").asText()).startsWith("相对第 1 版：更正原因：补录杞县")
        .contains("杞县：总分 20.00 → 28.00").contains("新增签约项目 0（0.00 分） → 1（3.00 分）")
        .contains("500强企业签约 0（0.00 分） → 1（5.00 分）");
    assertThat(current.get("versions")).hasSize(2);
    assertThat(snapshot(id)).isEqualTo(before);
    assertThat(get("cso-qixian", "/api/reports/" + id).get("current").asBoolean()).isFalse();
    // Statements are owed once per unit and month, whichever version flagged it.
    assertThat(taskService.createTaskQuery().processDefinitionKey("last-place-statement")
        .processInstanceBusinessKeyLike("2025-09:%").count()).isEqualTo(1);
  }

  @Test
  void aChangedWeightScoresTheNextReportAndLeavesPublishedOnesAlone() throws Exception {
    var original = new ClassPathResource("bpmn/evaluation-score.dmn")
        .getContentAsString(StandardCharsets.UTF_8);
    var quarter = get("keyoffice", "/api/reports?period=2025-Q3");
    assertThat(quarter.get("status").asText()).isEqualTo("PRELIMINARY");
    assertPoints(line(quarter, "counties", "county-lankao"), "START_RATE", "1", "20");
    int before = quarter.get("decisionVersion").asInt();
    // The designer raises the start rate's weight from 20 to 30 (and its cap with it).
    String rule = original.substring(original.indexOf("&quot;START_RATE&quot;"));
    String changedRule = rule.replaceFirst("<text>20</text>", "<text>30</text>")
        .replaceFirst("<text>20</text>", "<text>30</text>");
    deploy(original.replace(rule, changedRule));
    try {
      var next = get("keyoffice", "/api/reports?period=2025-Q3");
      assertThat(next.get("decisionVersion").asInt()).isEqualTo(before + 1);
      var lankao = line(next, "counties", "county-lankao");
      assertPoints(lankao, "START_RATE", "1", "30");
      var earlier = line(quarter, "counties", "county-lankao").get("total").decimalValue();
      assertThat(lankao.get("total").decimalValue())
          .isEqualByComparingTo(earlier.add(BigDecimal.TEN));
      // The bimonthly, half-year and year figures are the same computation, on request.
      assertThat(get("cso-lankao", "/api/reports?period=2025-B5").get("periodLabel").asText())
          .isEqualTo("2025年第5个双月（9—10月）");
      assertThat(get("cso-lankao", "/api/reports?period=2025-H2").get("counties")).hasSize(10);
      assertThat(get("keyoffice", "/api/reports?period=2025").get("departments")).hasSize(12);
      var badPeriod = rest.withBasicAuth("keyoffice", "demo")
          .getForEntity("/api/reports?period=2025-Q9", JsonNode.class);
      assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(badPeriod.getBody().get("errors").get(0).get("field").asText())
          .isEqualTo("period");
    } finally {
      deploy(original);
    }
  }

  @Test
  void aUnitLastTwoMonthsRunningGoesOnTheViceMayorsAgenda() {
    var f = new ReportFixtures(jdbc);
    String weishi = f.project("weishi", 7000);
    // Overdue from 2024-10-10 to its close on 2024-12-16: last in October and in November.
    f.problem(weishi, "county-weishi", LocalDate.parse("2024-10-10"),
        LocalDate.parse("2024-12-16"));
    today("2024-11-01");
    runTimerProcess();
    publish("2024-10");
    var october = reports.statements("2024-10");
    assertThat(october).extracting(Statement::unit).containsExactly("county-weishi");
    assertThat(october.get(0).consecutive()).isFalse();
    today("2024-12-02");
    runTimerProcess();
    publish("2024-11");
    var november = reports.statements("2024-11");
    assertThat(november).hasSize(1);
    assertThat(november.get(0).consecutive()).isTrue();
    String matter = november.get(0).matterId();
    assertThat(jdbc.sql("select unit, stage, project_code from matter where id = :id")
        .param("id", matter).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
            + rs.getString(3)).single()).isEqualTo("county-weishi ON_AGENDA null");
    var task = taskService.createTaskQuery().processDefinitionKey("last-place-statement")
        .processInstanceBusinessKey("2024-11:county-weishi").singleResult();
    assertThat(taskService.getVariable(task.getId(), "rankText").toString())
        .contains("连续两个月末位，已列入市联审联批会议议程");
    // Nobody distinct among the departments (all equal): nobody is flagged.
    assertThat(get("keyoffice", "/api/reports?period=2024-11").get("departments"))
        .allSatisfy(l -> assertThat(l.get("flag").isNull()).isTrue());
  }

  @Test
  void januaryAlsoOpensTheYearBeforesReportKeptLikeAMonth() {
    // 2024-01-01 is New Year's Day: the first working day is the 2nd.
    today("2024-01-01");
    runTimerProcess();
    assertThat(reports.exists("2023-12")).isFalse();
    today("2024-01-02");
    runTimerProcess();
    assertThat(reviewTask("2023-12").getName()).isEqualTo("审核通报：2023年12月（第 1 版）");
    assertThat(reviewTask("2023").getName()).isEqualTo("审核通报：2023年度（第 1 版）");
    publish("2023");
    var year = get("cso-lankao", "/api/reports?period=2023");
    assertThat(year.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(year.get("kind").asText()).isEqualTo("YEAR");
    assertThat(year.get("from").asText()).isEqualTo("2023-01-01");
    // No statements for a year; the month waits for its own review.
    assertThat(reports.statements("2023")).isEmpty();
    assertThat(status("cso-lankao", "/api/reports?period=2023-12"))
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theKeyProjectsOfficeSetsTheEvaluationAttributes() {
    var f = new ReportFixtures(jdbc);
    String code = f.project("tongxu", 150000);
    String path = "/api/projects/" + code + "/evaluation";
    var set = send(HttpMethod.PUT, "keyoffice", path, Map.of("provincialKey", true));
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(set.getBody().get("provincialKey").asBoolean()).isTrue();
    assertThat(set.getBody().get("industryChain").asBoolean()).isFalse();
    assertThat(set.getBody().get("billion").asBoolean()).isTrue();
    var both = send(HttpMethod.PUT, "keyoffice", path, Map.of("industryChain", true));
    assertThat(both.getBody().get("provincialKey").asBoolean()).isTrue();
    assertThat(both.getBody().get("industryChain").asBoolean()).isTrue();
    assertThat(jdbc.sql("select detail from project_event where project_code = :c "
            + "and event = 'EVALUATION_ATTRIBUTES_SET' order by id").param("c", code)
        .query(String.class).list())
        .containsExactly("认定为省重点项目", "认定为“8+1”产业链项目");
    // The county reads its project's attributes but may not set them.
    assertThat(get("cso-tongxu", path).get("provincialKey").asBoolean()).isTrue();
    assertThat(send(HttpMethod.PUT, "cso-tongxu", path, Map.of("provincialKey", false))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("cso-lankao", path)).isEqualTo(HttpStatus.FORBIDDEN);
    for (var body : List.<Map<String, Object>>of(Map.of("provincialKey", "yes"),
        Map.of("provincial", true), Map.of())) {
      var refused = send(HttpMethod.PUT, "keyoffice", path, body);
      assertThat(refused.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType().toString())
          .contains("application/problem+json");
      assertThat(refused.getBody().get("errors").get(0).get("field").asText())
          .isIn("provincialKey", "provincial");
    }
    assertThat(get("keyoffice", path).get("industryChain").asBoolean()).isTrue();
    assertThat(send(HttpMethod.PUT, "keyoffice", "/api/projects/NO-SUCH/evaluation",
        Map.of("provincialKey", true)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- helpers

  private void publish(String period) {
    runContinuations();
    identityService.setAuthentication("keyoffice", List.of("key-projects-office"));
    taskService.complete(reviewTask(period).getId(), Map.of("decision", "PUBLISH"));
    identityService.clearAuthentication();
    runContinuations();
  }

  private Task reviewTask(String period) {
    return taskService.createTaskQuery().processDefinitionKey("report-review")
        .processInstanceBusinessKey(period).taskDefinitionKey("reviewReport").singleResult();
  }

  private void deploy(String dmn) {
    repositoryService.createDeployment().name("evaluation-score-test")
        .addString("evaluation-score.dmn", dmn).deploy();
  }

  private List<String> snapshot(long id) {
    var rows = new java.util.ArrayList<String>();
    rows.addAll(jdbc.sql("select * from evaluation_report where id = :id").param("id", id)
        .query((rs, n) -> row(rs)).list());
    rows.addAll(jdbc.sql("select * from evaluation_line where report_id = :id order by unit")
        .param("id", id).query((rs, n) -> row(rs)).list());
    rows.addAll(jdbc.sql("select * from evaluation_score where report_id = :id "
        + "order by unit, rule_code").param("id", id).query((rs, n) -> row(rs)).list());
    return rows;
  }

  private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
    var out = new StringBuilder();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      out.append(rs.getObject(i)).append('|');
    }
    return out.toString();
  }

  private static int column(Row header, String name) {
    for (var cell : header) {
      if (name.equals(cell.getStringCellValue())) {
        return cell.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + name);
  }

  private static JsonNode line(JsonNode report, String audience, String unit) {
    for (var line : report.get(audience)) {
      if (unit.equals(line.get("unit").asText())) {
        return line;
      }
    }
    throw new AssertionError("no line " + unit);
  }

  private static JsonNode score(JsonNode line, String rule) {
    for (var score : line.get("scores")) {
      if (rule.equals(score.get("rule").asText())) {
        return score;
      }
    }
    throw new AssertionError("no rule " + rule + " in " + line.get("unit"));
  }

  private static void assertPoints(JsonNode line, String rule, String figure, String points) {
    var score = score(line, rule);
    assertThat(score.get("figure").decimalValue()).as(rule + " figure")
        .isEqualByComparingTo(figure);
    assertThat(score.get("points").decimalValue()).as(rule + " points")
        .isEqualByComparingTo(points);
  }

  private static String rankAndFlag(JsonNode line) {
    return line.get("rank").asInt() + " " + (line.get("flag").isNull() ? "null"
        : line.get("flag").asText());
  }

  private JsonNode get(String user, String path) {
    var response = rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class)
        .getStatusCode().value());
  }

  private ResponseEntity<JsonNode> send(HttpMethod method, String user, String path,
      Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, method,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static void today(String date) {
    ClockUtil.setCurrentTime(new java.util.Date(
        ChinaTime.startOf(LocalDate.parse(date)).getTime() + 9 * 3600_000L));
  }

  private void runTimerProcess() {
    var job = managementService.createJobQuery().processDefinitionKey("monthly-report").timers()
        .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
    managementService.executeJob(job.getId());
    runContinuations();
  }

  private void runContinuations() {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().messages().executable().list())
        .isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
