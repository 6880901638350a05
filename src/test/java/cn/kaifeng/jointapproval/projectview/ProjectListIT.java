package cn.kaifeng.jointapproval.projectview;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.FirstStage;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/projects} on PostgreSQL over HTTP: filters, free text, sorting, paging, bad
 * parameters, and what each reader sees (counties, sections, leaders, several groups at once).
 * The database is this class's own, so every count is exact.
 */
@ExtendWith(SharedPostgres.class)
class ProjectListIT {

  private static ConfigurableApplicationContext app;
  private static String base;
  private static JdbcTemplate jdbc;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();
  /** Landed in Lankao, leader-1, an open 应开未开. */
  private static String a;
  /** 谋划 in Lankao, leader-2. */
  private static String b;
  /** Signed in Qixian, leader-1, an open late node. */
  private static String c;
  /** Landed in the free trade zone, leader-3, red, a cleared 应开未开. */
  private static String d;

  @BeforeAll
  static void start(SharedPostgres.Database database) throws IOException {
    app = database.startApplication();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    jdbc = new JdbcTemplate(database.dataSource());
    var identity = app.getBean(IdentityService.class);
    // A user of a county and of an approval section: sees the union.
    var both = identity.newUser("both");
    both.setPassword("demo");
    identity.saveUser(both);
    identity.createMembership("both", "county-qixian");
    identity.createMembership("both", "approval-fgw");

    String yesterday = ChinaTime.today().minusDays(1).toString();
    a = register(ProjectFixtures.body(ProjectFixtures.newCode("LIST-A"), yesterday));
    var reserve = ProjectFixtures.body(ProjectFixtures.newCode("LIST-B"), null);
    reserve.remove("landDelistedOn");
    reserve.put("node", "RESERVE");
    reserve.put("contractingLeader", "leader-2");
    b = register(reserve);
    var signed = ProjectFixtures.body(ProjectFixtures.newCode("LIST-C"), null);
    signed.remove("landDelistedOn");
    signed.putAll(Map.of("node", "SIGNED", "investor", "某食品集团", "county", "qixian",
        "chiefServiceOfficer", "cso-qixian", "name", "杞县食品加工项目"));
    c = register(signed);
    var ftz = ProjectFixtures.body(ProjectFixtures.newCode("LIST-D"), yesterday);
    ftz.putAll(Map.of("county", "shifanqu", "chiefServiceOfficer", "cso-shifanqu",
        "contractingLeader", "leader-3", "freeTradeZone", true, "name", "示范区跨境电商产业园"));
    d = register(ftz);

    jdbc.update("update project set light = 'RED' where code = ?", d);
    alert(a, "START_OVERDUE", null);
    alert(c, "NODE_LATE", null);
    alert(d, "START_OVERDUE", ChinaTime.today());
  }

  private static void alert(String code, String kind, java.time.LocalDate clearedOn) {
    jdbc.update("insert into project_alert (project_code, kind, node, raised_on, cleared_on,"
        + " detail) values (?, ?, 'STARTED', ?, ?, '测试')", code, kind,
        java.sql.Date.valueOf(ChinaTime.today().minusDays(3)),
        clearedOn == null ? null : java.sql.Date.valueOf(clearedOn));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String register(Map<String, Object> body) throws IOException {
    var response = send("keyoffice", "/api/projects", json.writeValueAsString(body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    FirstStage.open(app, (String) body.get("code"));
    return (String) body.get("code");
  }

  private static HttpResponse<String> send(String user, String path, String post) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)));
    var request = post == null ? builder.GET().build()
        : builder.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(post)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode list(String user, String query) {
    var response = send(user, "/api/projects" + (query.isEmpty() ? "" : "?" + query), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> codes(String user, String query) {
    return list(user, query).get("content").findValuesAsText("code");
  }

  @Test
  void filtersNarrowTheListAndRowsAreSummaries() {
    assertThat(codes("keyoffice", "")).containsExactlyInAnyOrder(a, b, c, d);
    assertThat(codes("keyoffice", "county=lankao")).containsExactlyInAnyOrder(a, b);
    assertThat(codes("keyoffice", "node=RESERVE")).containsExactly(b);
    assertThat(codes("keyoffice", "node=LANDED")).containsExactlyInAnyOrder(a, d);
    assertThat(codes("keyoffice", "light=RED")).containsExactly(d);
    assertThat(codes("keyoffice", "track=FTZ")).containsExactly(d);
    assertThat(codes("keyoffice", "track=GENERAL")).containsExactly(a);
    assertThat(codes("keyoffice", "leader=leader-1")).containsExactlyInAnyOrder(a, c);
    assertThat(codes("keyoffice", "alert=START_OVERDUE")).containsExactly(a);
    assertThat(codes("keyoffice", "alert=NODE_LATE")).containsExactly(c);
    assertThat(codes("keyoffice", "alert=COMPLETION_OVERDUE")).isEmpty();
    assertThat(codes("keyoffice", "q=" + URLEncoder.encode("食品", StandardCharsets.UTF_8)))
        .containsExactly(c);
    assertThat(codes("keyoffice", "q=" + d.toLowerCase())).containsExactly(d);
    assertThat(codes("keyoffice", "q=list-")).hasSize(4);
    assertThat(codes("keyoffice", "q=%25")).as("a wildcard is a character").isEmpty();
    assertThat(codes("keyoffice", "q=_")).isEmpty();
    assertThat(codes("keyoffice", "county=qixian&leader=leader-1&node=SIGNED"))
        .containsExactly(c);

    var rows = list("keyoffice", "q=" + a).get("content");
    var row = rows.get(0);
    assertThat(row.get("name").asText()).isEqualTo("兰考县智能家居产业园项目");
    assertThat(row.get("countyName").asText()).isEqualTo("兰考县");
    assertThat(row.get("node").asText()).isEqualTo("LANDED");
    assertThat(row.get("nodeName").asText()).isEqualTo("落地（土地摘牌）");
    assertThat(row.get("status").asText()).isEqualTo("APPROVING");
    assertThat(row.get("light").asText()).isEqualTo("GREEN");
    assertThat(row.get("trackName").asText()).isEqualTo("一般项目");
    assertThat(row.get("deadline").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(row.get("workingDaysUsed").asInt() + row.get("workingDaysLeft").asInt())
        .isEqualTo(80);
    // No pause: gross and net are the days used, as on the project's page.
    assertThat(row.get("grossWorkingDays").asInt()).isEqualTo(row.get("workingDaysUsed").asInt());
    assertThat(row.get("netWorkingDays").asInt()).isEqualTo(row.get("workingDaysUsed").asInt());
    assertThat(row.get("contractingLeader").asText()).isEqualTo("leader-1");
    assertThat(row.get("chiefServiceOfficer").asText()).isEqualTo("cso-lankao");
    assertThat(row.get("alerts").get(0).asText()).isEqualTo("START_OVERDUE");
    assertThat(row.get("alertNames").get(0).asText()).isEqualTo("应开未开");
    assertThat(row.has("items")).as("a summary, not the whole view").isFalse();
    assertThat(row.has("history")).isFalse();

    var reserve = list("keyoffice", "q=" + b).get("content").get(0);
    assertThat(reserve.get("status").asText()).isEqualTo("PREPARING");
    assertThat(reserve.get("statusName").asText()).isEqualTo("前期");
    assertThat(reserve.get("deadline").isNull()).isTrue();
    assertThat(reserve.get("workingDaysUsed").isNull()).isTrue();
    assertThat(reserve.get("grossWorkingDays").isNull()).isTrue();
    assertThat(reserve.get("netWorkingDays").isNull()).isTrue();
    assertThat(list("keyoffice", "q=" + d).get("content").get(0).get("alerts")).isEmpty();
  }

  @Test
  void sortsOnItsFieldsAndPages() {
    assertThat(codes("keyoffice", "sort=code,desc")).containsExactly(
        List.of(a, b, c, d).stream().sorted(java.util.Comparator.reverseOrder())
            .toArray(String[]::new));
    assertThat(codes("keyoffice", "sort=code")).containsExactly(
        List.of(a, b, c, d).stream().sorted().toArray(String[]::new));
    // The order of the life, not of the alphabet.
    assertThat(codes("keyoffice", "sort=node,asc").subList(0, 2)).containsExactly(b, c);
    assertThat(codes("keyoffice", "sort=node,desc").subList(2, 4)).containsExactly(c, b);
    // Projects without a clock come last either way.
    assertThat(codes("keyoffice", "sort=deadline,asc").subList(2, 4))
        .containsExactlyInAnyOrder(b, c);
    assertThat(codes("keyoffice", "sort=deadline,desc").subList(2, 4))
        .containsExactlyInAnyOrder(b, c);
    assertThat(codes("keyoffice", "sort=light,desc").get(0)).isEqualTo(d);

    var first = list("keyoffice", "sort=code&size=3");
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("size").asInt()).isEqualTo(3);
    assertThat(first.get("totalElements").asInt()).isEqualTo(4);
    assertThat(first.get("content")).hasSize(3);
    var second = list("keyoffice", "sort=code&size=3&page=1");
    assertThat(second.get("content")).hasSize(1);
    assertThat(second.get("totalElements").asInt()).isEqualTo(4);
    var beyond = list("keyoffice", "sort=code&size=3&page=2");
    assertThat(beyond.get("content")).isEmpty();
    assertThat(beyond.get("totalElements").asInt()).isEqualTo(4);
    assertThat(list("keyoffice", "").get("size").asInt()).isEqualTo(20);
    assertThat(list("keyoffice", "county=qixian&size=1").get("totalElements").asInt())
        .isEqualTo(1);
  }

  @Test
  void eachReaderSeesWhatTheyMayReadAndNothingElse() {
    assertThat(codes("coordinator", "")).containsExactlyInAnyOrder(a, b, c, d);
    assertThat(codes("supervisor", "")).containsExactlyInAnyOrder(a, b, c, d);
    assertThat(codes("cso-lankao", "")).containsExactlyInAnyOrder(a, b);
    assertThat(codes("cso-qixian", "")).containsExactly(c);
    assertThat(codes("cso-weishi", "")).isEmpty();
    // Sections: the projects with an item of theirs (projects before landing have none).
    assertThat(codes("officer-fgw", "")).containsExactlyInAnyOrder(a, d);
    assertThat(codes("officer-wlj", "")).isEmpty();
    // Leaders: the projects they contract.
    assertThat(codes("leader-1", "")).containsExactlyInAnyOrder(a, c);
    assertThat(codes("leader-2", "")).containsExactly(b);
    assertThat(codes("leader-3", "")).containsExactly(d);
    assertThat(codes("leader-4", "")).isEmpty();
    assertThat(list("leader-4", "").get("totalElements").asInt()).isZero();
    // Several groups: the union; filters only narrow it.
    assertThat(codes("both", "")).containsExactlyInAnyOrder(a, c, d);
    assertThat(codes("both", "county=lankao")).containsExactly(a);
    assertThat(codes("cso-lankao", "leader=leader-1")).containsExactly(a);
    assertThat(codes("leader-1", "county=shifanqu")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "county=zhengzhou|county", "node=FLYING|node", "light=BLUE|light", "track=FAST|track",
      "alert=LATE|alert", "leader=a%20b|leader", "sort=password,asc|sort", "sort=code,up|sort",
      "sort=code,asc,again|sort", "page=-1|page", "page=x|page", "size=0|size", "size=101|size",
      "size=ten|size", "status=APPROVING|status"})
  void aBadParameterIsRefusedNamingIt(String query, String field) throws IOException {
    var response = send("keyoffice", "/api/projects?" + query, null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
        .containsExactly(field);
  }
}
