package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.support.TestSmtp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The problem ledger and the weekly assignment end to end: raising over the API (each role, each
 * refusal), the weekly list across the Thursday cut-off, assignment, send-back, acceptance,
 * province referral, overdue → supervision, mails through GreenMail on a free port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.mail.host=localhost")
@ActiveProfiles("test")
class ProblemLedgerTest extends ApprovalTestSupport {

  static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);


  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  /** A Wednesday, the day before a cut-off. */
  static final LocalDate WEDNESDAY = LocalDate.parse("2025-03-12");

  String code;

  @BeforeEach
  void project() throws Exception {
    at(WEDNESDAY, 9, 0);
    var body = ProjectFixtures.body(ProjectFixtures.newCode("Q"), WEDNESDAY.minusDays(7).toString());
    body.put("chiefServiceOfficer", "cso-lankao");
    body.put("contractingLeader", "leader-1");
    code = register(body).code();
    runContinuations();
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void at(LocalDate day, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute))
        .atZone(ChinaTime.ZONE).toInstant()));
  }

  Map<String, Object> problem(String level, String unit) {
    var body = new HashMap<String, Object>();
    body.put("projectCode", code);
    body.put("category", "LAND");
    body.put("description", "用地指标尚未落实");
    body.put("level", level);
    body.put("proposedUnit", unit);
    return body;
  }

  ResponseEntity<JsonNode> post(String user, Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange("/api/problems", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  JsonNode getProblem(String user, String id) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/problems/" + id, JsonNode.class)
        .getBody();
  }

  @Test
  void eachResponsibleRoleMayRaiseAndOthersMayNot() {
    for (String user : List.of("keyoffice", "cso-lankao", "leader-1", "officer-zrzy")) {
      var answer = post(user, problem("CITY", "approval-zrzy"));
      assertThat(answer.getStatusCode().value()).as(user).isEqualTo(201);
      assertThat(answer.getBody().get("id").asText()).startsWith("Q-");
      assertThat(answer.getBody().get("status").asText()).isEqualTo("NEW");
      assertThat(answer.getHeaders().getLocation().toString())
          .isEqualTo("/api/problems/" + answer.getBody().get("id").asText());
    }
    long before = count();
    for (String user : List.of("cso-longting", "leader-2", "officer-jtj", "supervisor")) {
      assertThat(post(user, problem("CITY", "approval-zrzy")).getStatusCode().value()).as(user)
          .isEqualTo(403);
    }
    var bad = problem("NATION", "nobody");
    bad.put("category", "WEATHER");
    bad.put("description", " ");
    bad.put("extra", 1);
    var answer = post("keyoffice", bad);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(answer.getBody().toString()).contains("category").contains("level")
        .contains("description").contains("proposedUnit").contains("extra");
    var unknown = problem("CITY", "approval-zrzy");
    unknown.put("projectCode", "NOPE-1");
    assertThat(post("keyoffice", unknown).getStatusCode().value()).isEqualTo(400);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theStartFormRaisesWithTheSameRules() {
    identityService.setAuthentication("cso-longting", List.of("county-longting"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService
          .startProcessInstanceByKey("problem", problem("CITY", "approval-zrzy")))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    identityService.setAuthentication("cso-lankao", List.of("county-lankao"));
    try {
      var instance = runtimeService.startProcessInstanceByKey("problem", problem("COUNTY",
          "county-lankao"));
      assertThat(jdbc.sql("select raised_by from problem where process_instance_id = :pi")
          .param("pi", instance.getId()).query(String.class).single()).isEqualTo("cso-lankao");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  @Test
  void tasklistsStartFormIsCheckedLikeTheApi() {
    long before = count();
    var path = "/engine-rest/process-definition/key/problem/submit-form";
    var wrongCounty = rest.withBasicAuth("cso-longting", "demo").postForEntity(path,
        form(problem("CITY", "approval-zrzy")), JsonNode.class);
    assertThat(wrongCounty.getStatusCode().value()).isEqualTo(403);
    var bad = problem("CITY", "approval-zrzy");
    bad.put("category", "WEATHER");
    bad.put("status", "CLOSED");
    var badAnswer = rest.withBasicAuth("keyoffice", "demo").postForEntity(path, form(bad),
        JsonNode.class);
    assertThat(badAnswer.getStatusCode().value()).isEqualTo(400);
    assertThat(badAnswer.getBody().toString()).contains("category").contains("status");
    assertThat(count()).isEqualTo(before);
    var ok = rest.withBasicAuth("leader-1", "demo").postForEntity(path,
        form(problem("CITY", "approval-zrzy")), JsonNode.class);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.sql("select raised_by from problem where process_instance_id = :pi")
        .param("pi", ok.getBody().get("id").asText()).query(String.class).single())
        .isEqualTo("leader-1");
  }

  private static Map<String, Object> form(Map<String, Object> fields) {
    var variables = new HashMap<String, Object>();
    fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  @Test
  void weeklyListAssignmentSendBackAcceptanceReferralAndOverdueSupervision() throws Exception {
    String assigned = post("cso-lankao", problem("CITY", "approval-zrzy")).getBody().get("id")
        .asText();
    String referred = post("keyoffice", problem("PROVINCE", "key-projects-office")).getBody()
        .get("id").asText();
    String rejected = post("officer-zrzy", problem("COUNTY", "county-lankao")).getBody()
        .get("id").asText();
    jdbc.sql("""
        insert into project_alert (project_code, kind, node, raised_on, detail)
        values (:code, 'START_OVERDUE', 'STARTED', :on, '计划 2025-03-01 开工，至今未开工')""")
        .param("code", code).param("on", WEDNESDAY).update();
    // Thursday 17:00 Beijing: the list closes; a problem raised afterwards waits a week.
    at(WEDNESDAY.plusDays(1), 17, 0);
    runCycle();
    at(WEDNESDAY.plusDays(1), 17, 30);
    String late = post("keyoffice", problem("CITY", "approval-fgw")).getBody().get("id").asText();
    var task = taskService.createTaskQuery().processDefinitionKey("weekly-assignment")
        .taskCandidateGroup("key-projects-office").singleResult();
    assertThat(task).isNotNull();
    assertThat(filtered("keyoffice", "key-projects-office", "问题交办")).contains(task.getId());
    var list = jdbc.sql("select problem_id from weekly_sheet_line where kind = 'PROBLEM'"
        + " and sheet_id = (select id from weekly_sheet where process_instance_id = :pi)")
        .param("pi", task.getProcessInstanceId()).query(String.class).list();
    assertThat(list).contains(assigned, referred, rejected).doesNotContain(late);

    // A bad list is refused as a whole and nothing changes.
    var wrong = List.of(Map.of("problemId", assigned, "decision", "ASSIGN"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(),
        Map.of("problems", wrong))).hasMessageContaining("problems");
    assertThat(getProblem("keyoffice", assigned).get("status").asText()).isEqualTo("NEW");

    var decisions = List.of(
        Map.of("problemId", assigned, "decision", "ASSIGN", "responsibleUnit", "approval-zrzy",
            "deadlineDays", 5),
        Map.of("problemId", referred, "decision", "REFER_PROVINCE"),
        Map.of("problemId", rejected, "decision", "NOT_A_PROBLEM", "reason", "属企业自身事务"));
    var others = list.stream().filter(id -> !List.of(assigned, referred, rejected).contains(id))
        .map(id -> Map.<String, Object>of("problemId", id, "decision", "NOT_A_PROBLEM",
            "reason", "测试"))
        .toList();
    var all = new java.util.ArrayList<Object>(decisions);
    all.addAll(others);
    completeAs("keyoffice", "key-projects-office", task.getId(), Map.of("problems", all));
    runContinuations();

    var problem = getProblem("officer-zrzy", assigned);
    assertThat(problem.get("status").asText()).isEqualTo("ASSIGNED");
    assertThat(problem.get("responsibleUnit").asText()).isEqualTo("approval-zrzy");
    assertThat(problem.get("dueOn").asText())
        .isEqualTo(addWorkingDays(WEDNESDAY.plusDays(1), 5).toString());
    assertThat(getProblem("keyoffice", rejected).get("status").asText()).isEqualTo("REJECTED");
    assertThat(getProblem("keyoffice", referred).get("status").asText()).isEqualTo("REFERRED");
    assertThat(mails("officer-zrzy@example.org", "交办单")).hasSize(1);
    assertThat(body(mails("officer-zrzy@example.org", "交办单").get(0))).contains(assigned)
        .doesNotContain(rejected);
    assertThat(mails("officer-zrzy@example.org", "问题交办")).hasSize(1);
    // The issued sheet (交办单) keeps its decisions; each unit reads its own lines.
    String sheetId = "W-" + task.getProcessInstanceId();
    var sheet = rest.withBasicAuth("keyoffice", "demo")
        .getForEntity("/api/problems/sheets/" + sheetId, JsonNode.class).getBody();
    assertThat(sheet.get("issued").asBoolean()).isTrue();
    assertThat(sheet.get("issuedBy").asText()).isEqualTo("keyoffice");
    assertThat(sheet.get("lines").toString()).contains("LAGGING").contains("应开未开")
        .contains("NOT_A_PROBLEM").contains("属企业自身事务").contains("REFER_PROVINCE");
    var unitSheet = rest.withBasicAuth("officer-zrzy", "demo")
        .getForEntity("/api/problems/sheets/" + sheetId, JsonNode.class).getBody();
    assertThat(unitSheet.get("lines")).hasSize(1);
    assertThat(unitSheet.get("lines").get(0).get("problemId").asText()).isEqualTo(assigned);
    assertThat(unitSheet.get("lines").get(0).get("deadlineDays").asInt()).isEqualTo(5);
    assertThat(rest.withBasicAuth("officer-jtj", "demo").getForEntity("/api/problems/sheets/"
        + sheetId, JsonNode.class).getStatusCode().value()).isEqualTo(403);

    // Next Thursday: the late problem is on that week's list, the open ones are listed as open;
    // the office merges it into the assigned one. The first sheet stays as it was.
    at(WEDNESDAY.plusDays(8), 17, 0);
    runCycle();
    var second = taskService.createTaskQuery().processDefinitionKey("weekly-assignment")
        .taskCandidateGroup("key-projects-office").singleResult();
    var secondLines = jdbc.sql("select kind || ':' || problem_id from weekly_sheet_line"
        + " where problem_id is not null and sheet_id = :id")
        .param("id", "W-" + second.getProcessInstanceId()).query(String.class).list();
    assertThat(secondLines).contains("PROBLEM:" + late, "OPEN_PROBLEM:" + assigned,
        "OPEN_PROBLEM:" + referred).doesNotContain("PROBLEM:" + assigned);
    var merges = secondLines.stream().filter(l -> l.startsWith("PROBLEM:"))
        .map(l -> l.substring("PROBLEM:".length()))
        .map(id -> id.equals(late)
            ? Map.<String, Object>of("problemId", id, "decision", "MERGE", "mergeInto", assigned)
            : Map.<String, Object>of("problemId", id, "decision", "NOT_A_PROBLEM", "reason", "测试"))
        .toList();
    taskService.complete(second.getId(), Map.of("problems", merges));
    var merged = getProblem("keyoffice", late);
    assertThat(merged.get("status").asText()).isEqualTo("MERGED");
    assertThat(merged.get("mergedInto").asText()).isEqualTo(assigned);
    assertThat(rest.withBasicAuth("keyoffice", "demo").getForEntity("/api/problems/sheets/"
        + sheetId, JsonNode.class).getBody()).isEqualTo(sheet);

    // The unit reports; the office sends it back with a reason, then accepts.
    var work = taskService.createTaskQuery().taskDefinitionKey("workProblem")
        .taskCandidateGroup("approval-zrzy").singleResult();
    assertThat(work.getDueDate()).isNotNull();
    assertThat(filtered("officer-zrzy", "approval-zrzy", "待办问题")).containsExactly(work.getId());
    assertThat(filtered("officer-fgw", "approval-fgw", "待办问题")).isEmpty();
    taskService.complete(work.getId(), Map.of("report", "已协调自然资源局落实指标"));
    var review = taskService.createTaskQuery().taskDefinitionKey("reviewProblem").singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(review.getId(),
        Map.of("acceptance", "SENT_BACK"))).hasMessageContaining("reviewNote");
    taskService.complete(review.getId(), Map.of("acceptance", "SENT_BACK", "reviewNote",
        "指标文件未附"));
    assertThat(getProblem("keyoffice", assigned).get("status").asText()).isEqualTo("ASSIGNED");
    work = taskService.createTaskQuery().taskDefinitionKey("workProblem")
        .taskCandidateGroup("approval-zrzy").singleResult();

    // Yellow: the unit is mailed.
    var yellow = managementService.createJobQuery().processInstanceId(work.getProcessInstanceId())
        .timers().activityId("problemYellow").singleResult();
    managementService.executeJob(yellow.getId());
    assertThat(getProblem("keyoffice", assigned).get("light").asText()).isEqualTo("YELLOW");
    assertThat(mails("officer-zrzy@example.org", "黄灯")).hasSize(1);
    assertThat(mails("supervisor@example.org", "黄灯")).isEmpty();

    // Overdue: red, mails to the unit and the bureau, and a supervision case (origin PROBLEM).
    at(addWorkingDays(WEDNESDAY.plusDays(1), 5).plusDays(1), 8, 0);
    var red = managementService.createJobQuery().processInstanceId(work.getProcessInstanceId())
        .timers().activityId("problemRed").singleResult();
    managementService.executeJob(red.getId());
    runContinuations();
    problem = getProblem("keyoffice", assigned);
    assertThat(problem.get("light").asText()).isEqualTo("RED");
    assertThat(problem.get("overdue").asBoolean()).isTrue();
    String caseId = problem.get("caseId").asText();
    assertThat(jdbc.sql("select origin || ' ' || responsible_unit from supervision_case"
        + " where id = :id").param("id", caseId).query(String.class).single())
        .isEqualTo("PROBLEM approval-zrzy");
    assertThat(taskService.createTaskQuery().processDefinitionKey("supervision")
        .taskCandidateGroup("approval-zrzy").count()).isEqualTo(1);
    assertThat(mails("supervisor@example.org", "红灯")).isNotEmpty();
    var overdue = rest.withBasicAuth("keyoffice", "demo")
        .getForEntity("/api/problems?overdue=true&project=" + code, JsonNode.class).getBody();
    assertThat(overdue.get("totalElements").asLong()).isEqualTo(1);
    assertThat(overdue.get("content").get(0).get("id").asText()).isEqualTo(assigned);

    // The key projects office puts the overdue problem on the vice mayor's meeting agenda, once;
    // the meeting's decision becomes a supervision case of its own.
    assertThat(postMeeting("officer-zrzy", assigned, "久拖未决").getStatusCode().value())
        .isEqualTo(403);
    assertThat(postMeeting("keyoffice", rejected, "不应提请").getStatusCode().value())
        .isEqualTo(400);
    var toMeeting = postMeeting("keyoffice", assigned, "涉及多部门，提请会议研究");
    assertThat(toMeeting.getStatusCode().value()).isEqualTo(200);
    assertThat(toMeeting.getBody().get("history").toString()).contains("SUBMITTED_TO_MEETING");
    assertThat(postMeeting("keyoffice", assigned, "再次提请").getStatusCode().value())
        .isEqualTo(400);
    assertThat(mails("vicemayor@example.org", "")).isNotEmpty();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("vice-mayor-meeting").list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test isolation"));
    var opener = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    managementService.executeJob(opener.getId());
    var meeting = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("vice-mayor-meeting").active().list().stream()
        .filter(m -> runtimeService.getActiveActivityIds(m.getId()).contains("agendaCloses"))
        .findFirst().orElseThrow();
    String matterId = "M-" + assigned;
    assertThat(jdbc.sql("select meeting_id from matter where id = :id").param("id", matterId)
        .query(String.class).single()).isEqualTo(meeting.getId());
    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(meeting.getId()).timers().activityId("agendaCloses").singleResult()
        .getId());
    assertThat(runtimeService.getVariable(meeting.getId(), "agenda").toString())
        .contains(matterId).contains("问题 " + assigned);
    taskService.complete(taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("prepareAgenda").singleResult().getId(),
        Map.of("meetingDate", LocalDate.now(ChinaTime.ZONE).toString()));
    taskService.complete(taskService.createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey("recordMinutes").singleResult().getId(), Map.of("agenda",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"matterId\":\"" + matterId
            + "\",\"title\":\"t\",\"decision\":\"由市自然资源和规划局限期落实用地指标\","
            + "\"responsibleUnit\":\"approval-zrzy\",\"deadlineDays\":3}]").create()));
    runContinuations();
    assertThat(jdbc.sql("select origin from supervision_case where matter_id = :id")
        .param("id", matterId).query(String.class).single()).isEqualTo("MEETING_DECISION");
    assertThat(taskService.createTaskQuery().processDefinitionKey("supervision")
        .taskCandidateGroup("approval-zrzy").count()).isEqualTo(2);

    taskService.complete(work.getId(), Map.of("report", "指标文件已补附"));
    var review2 = taskService.createTaskQuery().taskDefinitionKey("reviewProblem").singleResult();
    taskService.complete(review2.getId(), Map.of("acceptance", "ACCEPTED", "reviewNote", ""));
    problem = getProblem("cso-lankao", assigned);
    assertThat(problem.get("status").asText()).isEqualTo("CLOSED");
    assertThat(problem.get("workingDaysTaken").asInt()).isEqualTo(6);
    assertThat(problem.get("history").toString()).contains("RAISED").contains("ASSIGN")
        .contains("SENT_BACK").contains("SUPERVISED").contains("CLOSED");

    // The province answers the referred problem.
    var answer = taskService.createTaskQuery().taskDefinitionKey("recordProvinceAnswer")
        .singleResult();
    taskService.complete(answer.getId(), Map.of("provinceAnswer", "省发改委已安排能耗指标"));
    assertThat(getProblem("keyoffice", referred).get("status").asText()).isEqualTo("ANSWERED");

    // The ledger: readers see what they may; the project shows its problems.
    var mine = rest.withBasicAuth("officer-jtj", "demo")
        .getForEntity("/api/problems?project=" + code, JsonNode.class).getBody();
    assertThat(mine.get("totalElements").asLong()).isZero();
    var county = rest.withBasicAuth("cso-lankao", "demo")
        .getForEntity("/api/problems?project=" + code + "&size=2", JsonNode.class).getBody();
    assertThat(county.get("totalElements").asLong()).isEqualTo(4);
    assertThat(county.get("content")).hasSize(2);
    assertThat(rest.withBasicAuth("officer-jtj", "demo")
        .getForEntity("/api/problems/" + assigned, JsonNode.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(rest.withBasicAuth("keyoffice", "demo")
        .getForEntity("/api/problems?status=NOPE", JsonNode.class).getStatusCode().value())
        .isEqualTo(400);
    var project = rest.withBasicAuth("keyoffice", "demo")
        .getForEntity("/api/projects/" + code, JsonNode.class).getBody();
    assertThat(project.get("problems")).hasSize(4);
    assertThat(project.get("problems").toString()).contains(assigned).contains("已办结");
  }

  @Test
  void aProblemOfTheProjectsCountyGoesToItsNamedOfficerWithTheCountyAsCandidate() {
    String county = post("cso-lankao", problem("COUNTY", "county-lankao")).getBody().get("id")
        .asText();
    at(WEDNESDAY.plusDays(1), 17, 0);
    runCycle();
    var task = taskService.createTaskQuery().processDefinitionKey("weekly-assignment")
        .taskCandidateGroup("key-projects-office").singleResult();
    var ids = jdbc.sql("select problem_id from weekly_sheet_line where kind = 'PROBLEM'"
        + " and sheet_id = (select id from weekly_sheet where process_instance_id = :pi)")
        .param("pi", task.getProcessInstanceId()).query(String.class).list();
    var decisions = ids.stream().map(id -> id.equals(county)
        ? Map.<String, Object>of("problemId", id, "decision", "ASSIGN",
            "responsibleUnit", "county-lankao", "deadlineDays", 5)
        : Map.<String, Object>of("problemId", id, "decision", "NOT_A_PROBLEM", "reason", "测试"))
        .toList();
    completeAs("keyoffice", "key-projects-office", task.getId(), Map.of("problems", decisions));
    runContinuations();

    var work = taskService.createTaskQuery().taskDefinitionKey("workProblem")
        .processInstanceId(jdbc.sql("select process_instance_id from problem where id = :id")
            .param("id", county).query(String.class).single())
        .singleResult();
    assertThat(work.getAssignee()).isEqualTo("cso-lankao");
    assertThat(taskService.getIdentityLinksForTask(work.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("county-lankao"));
  }

  @Test
  void aWeeklyListMayNotMergeIntoAProblemItClosesOrMerges() {
    String a = post("keyoffice", problem("CITY", "approval-zrzy")).getBody().get("id").asText();
    String b = post("keyoffice", problem("CITY", "approval-zrzy")).getBody().get("id").asText();
    String c = post("keyoffice", problem("CITY", "approval-zrzy")).getBody().get("id").asText();
    at(WEDNESDAY.plusDays(1), 17, 0);
    runCycle();
    var task = taskService.createTaskQuery().processDefinitionKey("weekly-assignment")
        .taskCandidateGroup("key-projects-office").singleResult();
    var list = jdbc.sql("select problem_id from weekly_sheet_line where kind = 'PROBLEM'"
        + " and sheet_id = (select id from weekly_sheet where process_instance_id = :pi)")
        .param("pi", task.getProcessInstanceId()).query(String.class).list();
    assertThat(list).contains(a, b, c);
    try {
      var cases = List.of(
          // A → B and B → A: a cycle, both would close as merged.
          Map.of(a, merge(b), b, merge(a), c, assign()),
          // A → B while B is closed as 不属问题 by the same list.
          Map.of(a, merge(b), b, notAProblem(), c, assign()),
          // A → B while B is merged into C.
          Map.of(a, merge(b), b, merge(c), c, assign()));
      for (var decided : cases) {
        var entries = list.stream().map(id -> {
          var entry = new HashMap<String, Object>(decided.getOrDefault(id, notAProblem()));
          entry.put("problemId", id);
          return (Object) entry;
        }).toList();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs("keyoffice",
            "key-projects-office", task.getId(), Map.of("problems", entries)))
            .hasMessageContaining("problems").hasMessageContaining(a)
            .hasMessageContaining("合并目标 " + b);
        for (String id : List.of(a, b, c)) {
          assertThat(getProblem("keyoffice", id).get("status").asText()).as(id)
              .isEqualTo("NEW");
        }
      }
    } finally {
      runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "test isolation");
    }
  }

  private static Map<String, Object> merge(String into) {
    return Map.of("decision", "MERGE", "mergeInto", into);
  }

  private static Map<String, Object> notAProblem() {
    return Map.of("decision", "NOT_A_PROBLEM", "reason", "测试");
  }

  private static Map<String, Object> assign() {
    return Map.of("decision", "ASSIGN", "responsibleUnit", "approval-zrzy", "deadlineDays", 5);
  }

  @Test
  void aPageBeyondTheCapIsRefusedNotOverflowed() {
    var huge = rest.withBasicAuth("keyoffice", "demo")
        .getForEntity("/api/problems?page=" + Integer.MAX_VALUE, JsonNode.class);
    assertThat(huge.getStatusCode().value()).isEqualTo(400);
    assertThat(huge.getBody().toString()).contains("page")
        .contains(String.valueOf(ProblemController.MAX_PAGE));
    var last = rest.withBasicAuth("keyoffice", "demo").getForEntity("/api/problems?size=200&page="
        + ProblemController.MAX_PAGE, JsonNode.class);
    assertThat(last.getStatusCode().value()).isEqualTo(200);
    assertThat(last.getBody().get("content")).isEmpty();
  }

  @Autowired cn.kaifeng.jointapproval.deadline.DeadlineService deadlineService;
  @Autowired cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository supervisionCases;

  @Test
  void aUnitThatOnlyCarriesOutACaseReadsTheProjectButNotItsProblems() {
    String id = post("cso-lankao", problem("CITY", "approval-zrzy")).getBody().get("id").asText();
    String caseId = "S-test-" + code;
    deadlineService.open("D-" + caseId, WEDNESDAY, 5);
    supervisionCases.insert(caseId, cn.kaifeng.jointapproval.supervision.CaseOrigin
        .PROJECT_OVERRUN, null, code, null, "限期整改", "approval-jtj", "D-" + caseId,
        java.time.Instant.now());
    assertThat(rest.withBasicAuth("officer-jtj", "demo")
        .getForEntity("/api/problems/" + id, JsonNode.class).getStatusCode().value())
        .isEqualTo(403);
    var asUnit = rest.withBasicAuth("officer-jtj", "demo")
        .getForEntity("/api/projects/" + code, JsonNode.class);
    assertThat(asUnit.getStatusCode().value()).isEqualTo(200);
    assertThat(asUnit.getBody().get("cases").toString()).contains(caseId);
    assertThat(asUnit.getBody().get("problems")).isEmpty();
    assertThat(asUnit.getBody().toString()).doesNotContain(id);
    var asCounty = rest.withBasicAuth("cso-lankao", "demo")
        .getForEntity("/api/projects/" + code, JsonNode.class).getBody();
    assertThat(asCounty.get("problems")).hasSize(1);
    assertThat(asCounty.get("problems").get(0).get("id").asText()).isEqualTo(id);
    assertThat(asCounty.get("history").toString()).contains("PROBLEM_RAISED").contains(id);
  }

  @Test
  void anOutsiderCannotTellAnUnknownProjectFromAForbiddenOne() {
    long before = count();
    var unknown = problem("CITY", "approval-zrzy");
    unknown.put("projectCode", "NOPE-404");
    var badFields = problem("NATION", "nobody");
    var unknownBadFields = problem("NATION", "nobody");
    unknownBadFields.put("projectCode", "NOPE-404");
    // An outsider (another county): the same 403 for the real project, with or without field
    // errors, and for an unknown one; no field is named.
    for (var body : List.of(problem("CITY", "approval-zrzy"), badFields, unknown,
        unknownBadFields)) {
      var answer = post("cso-longting", body);
      assertThat(answer.getStatusCode().value()).as(body.toString()).isEqualTo(403);
      assertThat(answer.getBody().toString()).doesNotContain("不存在").doesNotContain("level");
    }
    // Through the start form the same.
    var path = "/engine-rest/process-definition/key/problem/submit-form";
    assertThat(rest.withBasicAuth("cso-longting", "demo").postForEntity(path, form(unknown),
        JsonNode.class).getStatusCode().value()).isEqualTo(403);
    // Those who may raise for the project still get their field errors; city-wide roles learn
    // that a code is unknown (they read every project anyway).
    var own = post("cso-lankao", badFields);
    assertThat(own.getStatusCode().value()).isEqualTo(400);
    assertThat(own.getBody().toString()).contains("level").contains("proposedUnit");
    var office = post("keyoffice", unknown);
    assertThat(office.getStatusCode().value()).isEqualTo(400);
    assertThat(office.getBody().toString()).contains("NOPE-404").contains("不存在");
    assertThat(count()).isEqualTo(before);
  }

  private void runCycle() {
    var job = managementService.createJobQuery().processDefinitionKey("weekly-assignment")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    var due = job.getDuedate().toInstant().atZone(ChinaTime.ZONE);
    assertThat(due.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
    assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
    managementService.executeJob(job.getId());
    runContinuations();
  }

  @Autowired org.camunda.bpm.engine.FilterService filterService;

  /** The ids of the tasks a shared Tasklist filter lists for a user of a group. */
  private List<String> filtered(String user, String group, String filterName) {
    var id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    identityService.setAuthentication(user, List.of(group));
    try {
      return filterService.<org.camunda.bpm.engine.task.Task>list(id).stream()
          .map(org.camunda.bpm.engine.task.Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ResponseEntity<JsonNode> postMeeting(String user, String id, String reason) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange("/api/problems/" + id + "/meeting",
        HttpMethod.POST, new HttpEntity<>(Map.of("reason", reason), headers), JsonNode.class);
  }

  /** Completes a task as a logged-in user would: through the trust boundary's form checks. */
  private void completeAs(String user, String group, String taskId, Map<String, Object> values) {
    identityService.setAuthentication(user, List.of(group));
    try {
      taskService.complete(taskId, values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long count() {
    return jdbc.sql("select count(*) from problem").query(Long.class).single();
  }

  private List<MimeMessage> mails(String address, String text) throws Exception {
    runContinuations();
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
            && m.getSubject().contains(text);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }



  private static String body(MimeMessage message) {
    return TestSmtp.body(message);
  }
}
