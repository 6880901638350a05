package cn.kaifeng.jointapproval.board;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * /api/board over HTTP: each map holds exactly what the reader may read (the key projects office
 * everything, a county its own, a leader theirs, a section the projects with its items), the
 * counties' targets set by the office only, every bad parameter a 400 naming it, the Excel lists
 * read back with POI, and /board/ itself behind the webapps' login. The context is the one
 * {@code ProjectApiTest} uses, so other classes' projects may share the database: every count is
 * checked against the ledger under the same rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BoardApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private String lankao;
  private String qixian;
  private String signed;

  @BeforeEach
  void projects() {
    String recently = ChinaTime.today().minusDays(15).toString();
    lankao = register(ProjectFixtures.newCode("BOARD-L"), "lankao", "leader-4", recently, true,
        null);
    qixian = register(ProjectFixtures.newCode("BOARD-Q"), "qixian", "leader-5", recently, false,
        null);
    signed = register(ProjectFixtures.newCode("BOARD-S"), "qixian", "leader-4", null, false,
        "SIGNED");
  }

  private String register(String code, String county, String leader, String landed,
      boolean historicArea, String node) {
    Map<String, Object> body = ProjectFixtures.body(code, landed);
    body.put("county", county);
    body.put("chiefServiceOfficer", "cso-" + county);
    body.put("contractingLeader", leader);
    body.put("historicArea", historicArea);
    if (landed == null) {
      body.remove("landDelistedOn");
      body.put("node", node);
      body.put("nodeDate", ChinaTime.today().toString());
      body.put("investor", "某投资有限公司");
    }
    var response = send(HttpMethod.POST, "keyoffice", "/api/projects", body);
    assertThat(response.getStatusCode()).as("%s", response.getBody())
        .isEqualTo(HttpStatus.CREATED);
    return code;
  }

  private ResponseEntity<JsonNode> send(HttpMethod method, String user, String path,
      Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private JsonNode get(String user, String path) {
    var response = send(HttpMethod.GET, user, path, null);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private long count(String where, Object... args) {
    var sql = jdbc.sql("select count(*) from project p where " + where);
    for (int i = 0; i < args.length; i++) {
      sql = sql.param(i + 1, args[i]);
    }
    return sql.query(Long.class).single();
  }

  private static List<String> codes(JsonNode projects) {
    List<String> codes = new ArrayList<>();
    projects.forEach(p -> codes.add(p.get("code").asText()));
    return codes;
  }

  @Test
  void theOverviewCountsWhatEachReaderMayRead() {
    var office = get("keyoffice", "/api/board/overview");
    assertThat(office.get("projects").asLong()).isEqualTo(count("1 = 1"));
    assertThat(office.get("counties")).hasSize(10);

    var county = get("cso-qixian", "/api/board/overview");
    assertThat(county.get("counties")).hasSize(1);
    assertThat(county.get("counties").get(0).get("county").asText()).isEqualTo("qixian");
    assertThat(county.get("projects").asLong()).isEqualTo(count("p.county = 'qixian'"));

    var leader = get("leader-5", "/api/board/overview");
    assertThat(leader.get("projects").asLong())
        .isEqualTo(count("p.contracting_leader = 'leader-5'"));

    var section = get("officer-wlj", "/api/board/overview");
    assertThat(section.get("projects").asLong()).isEqualTo(count("exists (select 1 from"
        + " project_item i where i.project_code = p.code and i.candidate_group = 'approval-wlj')"
        + " or exists (select 1 from supervision_case c where c.project_code = p.code"
        + " and c.responsible_unit = 'approval-wlj')"));
    long byNode = 0;
    for (var node : office.get("nodes")) {
      byNode += node.get("count").asLong();
    }
    assertThat(byNode).isEqualTo(office.get("projects").asLong());
    assertThat(office.get("alerts").findValuesAsText("name"))
        .containsExactly("应开未开", "应竣未竣", "节点滞后");
  }

  @Test
  void theApprovalMapHoldsTheCountysProjectsInApprovalWithTheirItemsOnTheWorkingDayAxis() {
    var map = get("keyoffice", "/api/board/approvals?county=qixian&size=200");
    assertThat(map.get("countyName").asText()).isEqualTo("杞县");
    assertThat(codes(map.get("projects"))).contains(qixian).doesNotContain(lankao, signed);
    JsonNode project = null;
    for (var p : map.get("projects")) {
      if (p.get("code").asText().equals(qixian)) {
        project = p;
      }
    }
    assertThat(project.get("limitWorkingDays").asInt()).isEqualTo(80);
    assertThat(project.get("deadlineAt").asInt() - project.get("landedAt").asInt())
        .isEqualTo(80);
    var axis = map.get("axis");
    assertThat(axis.get(project.get("deadlineAt").asInt()).asText())
        .isEqualTo(project.get("deadline").asText());
    assertThat(axis.get(map.get("todayAt").asInt()).asText())
        .isLessThanOrEqualTo(map.get("today").asText());
    assertThat(project.get("items")).isNotEmpty().allSatisfy(item -> {
      assertThat(item.get("name").asText()).isNotBlank();
      assertThat(item.get("departmentName").asText()).startsWith("市");
      assertThat(axis.get(item.get("dueAt").asInt()).asText())
          .isEqualTo(item.get("dueOn").asText());
    });
    // Sorted by days left, fewest first.
    int previous = Integer.MIN_VALUE;
    for (var p : map.get("projects")) {
      assertThat(p.get("workingDaysLeft").asInt()).isGreaterThanOrEqualTo(previous);
      previous = p.get("workingDaysLeft").asInt();
    }

    // Another county's map holds nothing for a county; a section only projects with its items.
    assertThat(get("cso-lankao", "/api/board/approvals?county=qixian&size=200").get("projects"))
        .isEmpty();
    assertThat(codes(get("cso-lankao", "/api/board/approvals?county=lankao&size=200")
        .get("projects"))).contains(lankao);
    var section = codes(get("officer-wlj", "/api/board/approvals?county=lankao&size=200")
        .get("projects"));
    assertThat(section).contains(lankao);
    assertThat(section).allSatisfy(code -> assertThat(jdbc.sql("select count(*) from"
            + " project_item where project_code = ? and candidate_group = 'approval-wlj'")
        .param(code).query(Long.class).single()).isPositive());
    assertThat(codes(get("officer-wlj", "/api/board/approvals?county=qixian&size=200")
        .get("projects"))).doesNotContain(qixian);
    // Pages in the order asked for: one project per page, most days left first.
    var first = get("keyoffice", "/api/board/approvals?county=qixian&sort=-left&size=1");
    assertThat(first.get("projects")).hasSize(1);
    assertThat(first.get("totalElements").asLong()).isEqualTo(map.get("totalElements").asLong());
    var second = get("keyoffice", "/api/board/approvals?county=qixian&sort=-left&size=1&page=1");
    if (second.get("projects").size() == 1) {
      assertThat(first.get("projects").get(0).get("workingDaysLeft").asInt())
          .isGreaterThanOrEqualTo(second.get("projects").get(0).get("workingDaysLeft").asInt());
    }
  }

  @Test
  void theLeadersMapShowsALeaderTheirOwnProjectsOnly() {
    var own = get("leader-4", "/api/board/leaders");
    assertThat(own.get("leaders")).hasSize(1);
    assertThat(own.get("leaders").get(0).get("leader").asText()).isEqualTo("leader-4");
    assertThat(own.get("leaders").get(0).get("projects").asLong())
        .isEqualTo(count("p.contracting_leader = 'leader-4'"));

    var page = get("leader-4", "/api/board/leaders/projects?leader=leader-4&size=200");
    assertThat(codes(page.get("content"))).contains(lankao, signed).doesNotContain(qixian);
    for (var p : page.get("content")) {
      if (p.get("code").asText().equals(signed)) {
        assertThat(p.get("reached").has("SIGNED")).isTrue();
        assertThat(p.get("nodeName").asText()).isEqualTo("签约");
      }
    }
    // Another leader's projects: nothing, whoever asks about them.
    assertThat(get("leader-4", "/api/board/leaders/projects?leader=leader-5").get("content"))
        .isEmpty();
    var office = get("keyoffice", "/api/board/leaders");
    assertThat(office.get("leaders").findValuesAsText("leader"))
        .contains("leader-4", "leader-5");
    // A county sees the leaders of its own projects.
    var countys = get("cso-qixian", "/api/board/leaders/projects?leader=leader-4&size=200")
        .get("content");
    assertThat(codes(countys)).contains(signed).doesNotContain(lankao);
    assertThat(countys.findValuesAsText("county")).containsOnly("qixian");
  }

  @Test
  void onlyTheKeyProjectsOfficeSetsTheTargetsAndARefusalChangesNothing() {
    int year = ChinaTime.today().getYear();
    var set = send(HttpMethod.PUT, "keyoffice", "/api/board/targets/" + year,
        Map.of("qixian", Map.of("SIGNED", 6, "LANDED", 4)));
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);

    var county = send(HttpMethod.PUT, "cso-qixian", "/api/board/targets/" + year,
        Map.of("qixian", Map.of("SIGNED", 60)));
    assertThat(county.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> bad = new HashMap<>();
    bad.put("qixian", Map.of("SIGNED", 7, "STARTED", 3));
    bad.put("lankao", Map.of("RESERVE", -1));
    bad.put("atlantis", Map.of("RESERVE", 1));
    var refused = send(HttpMethod.PUT, "keyoffice", "/api/board/targets/" + year, bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("qixian.STARTED", "lankao.RESERVE", "atlantis");
    var pastYear = send(HttpMethod.PUT, "keyoffice", "/api/board/targets/" + (year - 5),
        Map.of("qixian", Map.of("SIGNED", 1)));
    assertThat(pastYear.getBody().get("errors").findValuesAsText("field")).containsExactly("year");

    var map = get("cso-qixian", "/api/board/reserve?year=" + year);
    assertThat(map.get("counties")).hasSize(1);
    var cells = map.get("counties").get(0).get("cells");
    assertThat(cells.get(2).get("node").asText()).isEqualTo("SIGNED");
    assertThat(cells.get(2).get("target").asInt()).isEqualTo(6);
    assertThat(cells.get(2).get("reached").asLong()).isEqualTo(jdbc.sql("""
        select count(*) from project_node n join project p on p.code = n.project_code
        where p.county = 'qixian' and n.node = 'SIGNED' and n.reached_on >= ?""")
        .param(ChinaTime.today().withDayOfYear(1)).query(Long.class).single());
    assertThat(cells.get(3).get("target").asInt()).isEqualTo(4);
    assertThat(map.get("editable").asBoolean()).isFalse();
    assertThat(get("keyoffice", "/api/board/reserve?year=" + year).get("editable").asBoolean())
        .isTrue();
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    assertField("/api/board/approvals", "county");
    assertField("/api/board/approvals?county=atlantis", "county");
    assertField("/api/board/approvals?county=lankao&light=RED", "light");
    assertField("/api/board/approvals?county=lankao&sort=name", "sort");
    assertField("/api/board/reserve?year=twenty", "year");
    assertField("/api/board/leaders/projects?leader=a%20b", "leader");
    assertField("/api/board/leaders/projects?leader=leader-1&size=0", "size");
    assertField("/api/board/projects.xlsx?light=PURPLE", "light");
    assertThat(send(HttpMethod.GET, null, "/api/board/overview", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertField(String path, String field) {
    var response = send(HttpMethod.GET, "keyoffice", path, null);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).as(path)
        .contains(field);
  }

  @Test
  void theListsDownloadAsExcelWithChineseHeadersAndOnlyWhatTheReaderMayRead() throws Exception {
    var office = workbook("keyoffice", "/api/board/projects.xlsx?county=qixian");
    assertThat(office.get(0)).startsWith("项目编号", "项目名称", "县区", "节点", "状态", "灯色");
    assertThat(office).hasSize(1 + (int) count("p.county = 'qixian'"));
    assertThat(office.stream().map(row -> row.get(0))).contains(qixian, signed)
        .doesNotContain(lankao);
    assertThat(office.stream().filter(row -> row.get(0).equals(qixian)).findFirst().orElseThrow())
        .contains("杞县", "一般项目", "绿灯");

    var county = workbook("cso-lankao", "/api/board/projects.xlsx");
    assertThat(county.stream().skip(1).map(row -> row.get(2))).containsOnly("兰考县");
    assertThat(county).hasSize(1 + (int) count("p.county = 'lankao'"));

    var approvals = workbook("keyoffice", "/api/board/approvals.xlsx?county=lankao");
    assertThat(approvals.get(0)).contains("审批事项", "审批部门", "办理期限", "补正暂停工作日");
    assertThat(approvals.stream().filter(row -> row.get(0).equals(lankao))
        .map(row -> row.get(10))).contains("文物考古勘探");

    var leader = workbook("leader-4", "/api/board/leaders/projects.xlsx?leader=leader-4");
    assertThat(leader.get(0)).contains("签约（计划）", "签约（实际）");
    assertThat(leader.stream().map(row -> row.get(0))).contains(lankao, signed)
        .doesNotContain(qixian);

    var reserve = workbook("cso-qixian", "/api/board/reserve.xlsx");
    assertThat(reserve.get(0)).contains("谋划（年内完成）", "签约（年度目标）");
    assertThat(reserve.stream().skip(1).map(row -> row.get(0))).containsExactly("杞县");
  }

  /** The first sheet's rows as text, as Excel shows them. */
  private List<List<String>> workbook(String user, String path) throws Exception {
    var response = rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
    var formatter = new DataFormatter();
    List<List<String>> rows = new ArrayList<>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      for (var row : workbook.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
          var cell = row.getCell(i);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  @Test
  void thePagesOpenWithTheWebappsLoginOnly() throws Exception {
    var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (var page : List.of("/board", "/board/", "/board/index.html", "/board/approvals.html")) {
      var response = client.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + page)).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElseThrow()).as(page)
          .endsWith("/camunda/app/welcome/default/");
      assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }
  }

  @Test
  void aTasklistSessionOpensThePagesAndTheDataAndWritesWithTheSessionsToken() throws Exception {
    var client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    var first = client.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default")).header("X-XSRF-TOKEN", "Fetch").build(),
        HttpResponse.BodyHandlers.discarding());
    String loginToken = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    var login = client.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("X-XSRF-TOKEN", loginToken)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=keyoffice&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    // A page loads several things at once: the session stays the same for all of them.
    var pages = List.of("/board/", "/board/approvals.html", "/api/board/me",
        "/api/board/overview", "/api/board/reserve", "/api/board/leaders");
    var answers = pages.parallelStream().map(page -> {
      try {
        return client.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    for (int i = 0; i < pages.size(); i++) {
      assertThat(answers.get(i).statusCode()).as(pages.get(i)).isEqualTo(200);
      assertThat(answers.get(i).headers().firstValue("Set-Cookie")).as(pages.get(i)).isEmpty();
    }
    assertThat(answers.get(0).body()).contains("全市重大项目总览");

    int year = ChinaTime.today().getYear();
    var body = HttpRequest.BodyPublishers.ofString("{\"tongxu\": {\"RESERVE\": 9}}");
    var withoutToken = client.send(HttpRequest.newBuilder(URI.create(base
            + "/api/board/targets/" + year)).header("Content-Type", "application/json")
        .PUT(body).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    // The webapps' first request after the login gives the new session its token.
    client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = client.send(HttpRequest.newBuilder(URI.create(base + "/api/board/me"))
            .header("X-XSRF-TOKEN", "Fetch").build(), HttpResponse.BodyHandlers.discarding())
        .headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    var withToken = client.send(HttpRequest.newBuilder(URI.create(base
            + "/api/board/targets/" + year)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token).PUT(body).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    assertThat(withToken.body()).contains("\"tongxu\":{\"RESERVE\":9}");
  }
}
