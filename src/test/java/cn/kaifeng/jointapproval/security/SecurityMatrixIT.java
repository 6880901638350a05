package cn.kaifeng.jointapproval.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.FirstStage;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Who can do what, over the real HTTP stack on PostgreSQL: for a user of every role, the task
 * operations on an approval item of the 发改委 section, registering and reading a project, and
 * deploying a model the way Camunda Modeler does. Both what is allowed and what is refused.
 */
@ExtendWith(SharedPostgres.class)
class SecurityMatrixIT {

  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  record Role(String user, Set<String> allowed) {
    @Override
    public String toString() {
      return user;
    }
  }

  static Stream<Role> roles() {
    return Stream.of(
        new Role("officer-fgw", Set.of("task", "readProject")),
        new Role("officer-zrzy", Set.of("readProject")),
        new Role("officer-wlj", Set.of()),
        new Role("coordinator", Set.of("readProject")),
        new Role("vicemayor", Set.of("readProject")),
        new Role("supervisor", Set.of("readProject")),
        new Role("keyoffice", Set.of("register", "readProject")),
        new Role("cso-lankao", Set.of("register", "readProject")),
        new Role("cso-qixian", Set.of()),
        // The fixture's contracting leader reads it; another leader does not (issue 16).
        new Role("leader-1", Set.of("readProject")),
        new Role("leader-2", Set.of()),
        new Role("designer", Set.of("deploy")),
        new Role("demo", Set.of("task", "register", "readProject", "deploy")));
  }

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = database.startApplication();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    // A process designer who is nothing else.
    var identity = app.getBean(IdentityService.class);
    var designer = identity.newUser("designer");
    designer.setPassword("demo");
    identity.saveUser(designer);
    identity.createMembership("designer", "process-designer");
    // A second chief service officer of Lankao, a colleague of the named one.
    var colleague = identity.newUser(COLLEAGUE);
    colleague.setPassword("demo");
    identity.saveUser(colleague);
    identity.createMembership(COLLEAGUE, "county-lankao");
  }

  private static final String COLLEAGUE = "cso-lankao-b";

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static HttpRequest.Builder request(String user, String path) {
    var builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  private static HttpResponse<String> post(String user, String path, String body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static JsonNode body(HttpResponse<String> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  private static String register(String user, String code) throws IOException {
    return json.writeValueAsString(ProjectFixtures.body(code,
        ChinaTime.today().minusDays(1).toString()));
  }

  /** A fresh project in Lankao registered by the key projects office; returns its code. */
  private static String project() throws IOException {
    var code = ProjectFixtures.newCode("SEC");
    assertThat(post("keyoffice", "/api/projects", register("keyoffice", code)).statusCode())
        .isEqualTo(201);
    FirstStage.open(app, code);
    return code;
  }

  private static String fgwTask(String code) {
    var tasks = body(get("demo", "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&candidateGroup=approval-fgw"));
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static boolean refused(int status) {
    return status == 403 || status == 404;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void eachRoleDoesWhatItMayAndNothingElse(Role role) throws IOException {
    var user = role.user();
    var code = project();
    var task = fgwTask(code);
    boolean works = role.allowed().contains("task");

    // List tasks: the section's item is visible to its section only.
    var listed = body(get(user, "/engine-rest/task?processInstanceBusinessKey=" + code));
    assertThat(listed.findValuesAsText("id").contains(task)).as("lists the task").isEqualTo(works);
    // Read the task, its form and its variables.
    var read = get(user, "/engine-rest/task/" + task);
    assertThat(works ? read.statusCode() == 200 : refused(read.statusCode()))
        .as("reads the task: " + read.statusCode()).isTrue();
    var variables = get(user, "/engine-rest/task/" + task + "/variables");
    assertThat(works ? variables.statusCode() == 200 : refused(variables.statusCode()))
        .as("reads variables: " + variables.statusCode()).isTrue();
    if (works) {
      assertThat(body(variables).get("projectName").get("value").asText())
          .isEqualTo("兰考县智能家居产业园项目");
      assertThat(get(user, "/engine-rest/task/" + task + "/deployed-form").statusCode())
          .isEqualTo(200);
    }
    // Attach a document (Tasklist's 附件 tab) and list the attachments.
    var attach = attach(user, task);
    assertThat(works ? attach.statusCode() == 200 : refused(attach.statusCode())
        || attach.statusCode() == 400).as("attaches: " + attach.statusCode()).isTrue();
    var attachments = get(user, "/engine-rest/task/" + task + "/attachment");
    assertThat(works ? attachments.statusCode() == 200 : refused(attachments.statusCode()))
        .as("lists attachments: " + attachments.statusCode()).isTrue();
    if (works) {
      assertThat(body(attachments).findValuesAsText("name")).contains("材料.pdf");
    }
    // Claim and complete.
    var claim = post(user, "/engine-rest/task/" + task + "/claim",
        "{\"userId\":\"" + user + "\"}");
    assertThat(works ? claim.statusCode() == 204 : refused(claim.statusCode()))
        .as("claims: " + claim.statusCode()).isTrue();
    var complete = post(user, "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"outcome\":{\"value\":\"APPROVED\"},\"opinion\":{\"value\":\"同意\"}}}");
    assertThat(works ? complete.statusCode() == 204 : refused(complete.statusCode()))
        .as("completes: " + complete.statusCode()).isTrue();
    // A refused completion changed nothing.
    assertThat(get("demo", "/engine-rest/task/" + task).statusCode()).isEqualTo(works ? 404 : 200);

    // Register a project in Lankao.
    var registered = post(user, "/api/projects", register(user, ProjectFixtures.newCode("R")));
    assertThat(registered.statusCode()).as("registers")
        .isEqualTo(role.allowed().contains("register") ? 201 : 403);
    // Read the project, and find it in the list exactly when it may be read.
    assertThat(get(user, "/api/projects/" + code).statusCode()).as("reads the project")
        .isEqualTo(role.allowed().contains("readProject") ? 200 : 403);
    var inList = get(user, "/api/projects?q=" + code);
    assertThat(inList.statusCode()).as("lists projects").isEqualTo(200);
    assertThat(body(inList).get("totalElements").asInt()).as("lists the project")
        .isEqualTo(role.allowed().contains("readProject") ? 1 : 0);
    assertThat(body(inList).get("content").findValuesAsText("code"))
        .isEqualTo(role.allowed().contains("readProject") ? List.of(code) : List.of());
    // Deploy as Camunda Modeler does.
    assertThat(deploy(user).statusCode()).as("deploys")
        .isEqualTo(role.allowed().contains("deploy") ? 200 : 403);
  }

  private static HttpResponse<String> attach(String user, String task) {
    String boundary = "----attach" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\""
        + "\r\n\r\n材料.pdf\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\napplication/pdf"
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; "
        + "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--"
        + boundary + "--\r\n";
    return send(request(user, "/engine-rest/task/" + task + "/attachment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private static HttpResponse<String> deploy(String user) {
    String boundary = "----modeler" + System.nanoTime();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="designer-sketch" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="s" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\""
        + "\r\n\r\nsketch-" + user + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\nfalse\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"sketch.bpmn\"; "
        + "filename=\"sketch.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn
        + "\r\n--" + boundary + "--\r\n";
    return send(request(user, "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /**
   * The county's task of a project (补正) is assigned to its named chief service officer; a
   * colleague of the county takes it over and completes it; another county, a leader and the
   * colleague handing it to someone else are refused.
   */
  @Test
  void theNamedOfficerGetsTheSupplementAndACountyColleagueMayTakeItOver() throws IOException {
    var code = project();
    var review = body(get("demo", "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&candidateGroup=approval-sthj&taskDefinitionKey=reviewItem")).get(0);
    String item = review.get("processInstanceId").asText();
    assertThat(post("officer-sthj", "/engine-rest/task/" + review.get("id").asText()
        + "/complete", "{\"variables\":{\"outcome\":{\"value\":\"RETURNED\"},"
        + "\"opinion\":{\"value\":\"请补充公众参与说明\"}}}").statusCode()).isEqualTo(204);
    // The job executor is off here: run the item's continuation as the administrator.
    for (var job : body(get("demo", "/engine-rest/job?processInstanceId=" + item))) {
      assertThat(post("demo", "/engine-rest/job/" + job.get("id").asText() + "/execute", "")
          .statusCode()).isEqualTo(204);
    }
    String query = "/engine-rest/task?processInstanceId=" + item
        + "&taskDefinitionKey=supplementItem";
    var mine = body(get("cso-lankao", query));
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("assignee").asText()).isEqualTo("cso-lankao");
    String task = mine.get(0).get("id").asText();
    assertThat(body(get(COLLEAGUE, query))).hasSize(1);
    assertThat(body(get("cso-qixian", query))).isEmpty();
    assertThat(body(get("leader-1", query))).isEmpty();

    String toQixian = "{\"userId\":\"cso-qixian\"}";
    assertThat(refused(post("cso-qixian", "/engine-rest/task/" + task + "/assignee", toQixian)
        .statusCode())).isTrue();
    assertThat(refused(post(COLLEAGUE, "/engine-rest/task/" + task + "/assignee", toQixian)
        .statusCode())).isTrue();
    assertThat(body(get("demo", "/engine-rest/task/" + task)).get("assignee").asText())
        .isEqualTo("cso-lankao");
    assertThat(post(COLLEAGUE, "/engine-rest/task/" + task + "/assignee",
        "{\"userId\":\"" + COLLEAGUE + "\"}").statusCode()).isEqualTo(204);
    assertThat(post(COLLEAGUE, "/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"supplementNote\":{\"value\":\"已补充\"}}}").statusCode())
        .isEqualTo(204);
    assertThat(get("demo", "/engine-rest/task/" + task).statusCode()).isEqualTo(404);
  }

  @Test
  void nobodyGetsInWithoutLoggingIn() {
    assertThat(get(null, "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(get(null, "/api/projects/X").statusCode()).isEqualTo(401);
    assertThat(get(null, "/api/projects").statusCode()).isEqualTo(401);
    assertThat(get(null, "/api/supervision/cases").statusCode()).isEqualTo(401);
    assertThat(get(null, "/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    // A wrong password locks the user for a few seconds: a user no other test logs in as.
    assertThat(send(request(null, "/engine-rest/task").header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("cso-weishi:wrong".getBytes()))
        .GET().build()).statusCode()).isEqualTo(401);
  }

  @Test
  void theWebappsLogInWithACsrfTokenAndLogOut() {
    var cookies = new CookieManager();
    var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    java.util.function.Function<HttpRequest, HttpResponse<String>> go = r -> {
      try {
        return browser.send(r, HttpResponse.BodyHandlers.ofString());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
    var page = go.apply(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
        .GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    String form = "username=keyoffice&password=" + URLEncoder.encode("demo",
        StandardCharsets.UTF_8);
    var login = HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded");
    // Without the token the login is refused by the CSRF filter.
    assertThat(go.apply(login.copy().POST(HttpRequest.BodyPublishers.ofString(form)).build())
        .statusCode()).isEqualTo(403);
    // The CSRF filter drops a session that sent a request without its token: start over.
    page = go.apply(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
        .GET().build());
    token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    var wrong = go.apply(login.copy().header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=cso-weishi&password=nope")).build());
    assertThat(wrong.statusCode()).as(wrong.headers() + " " + wrong.body()).isEqualTo(401);
    var ok = go.apply(login.copy().header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(body(ok).get("userId").asText()).isEqualTo("keyoffice");
    var tasks = go.apply(HttpRequest.newBuilder(
        URI.create(base + "/camunda/api/engine/engine/default/task")).GET().build());
    assertThat(tasks.statusCode()).isEqualTo(200);
    // Logging in starts a new session (no fixation) with a new token.
    String sessionToken = tasks.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    assertThat(sessionToken).isNotEqualTo(token);

    // The same session opens the project's own API; changes need the same CSRF token.
    assertThat(go.apply(HttpRequest.newBuilder(URI.create(base + "/api/calendar/years")).GET()
        .build()).statusCode()).isEqualTo(200);
    String project;
    try {
      project = register("keyoffice", ProjectFixtures.newCode("WEB"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    var apiPost = HttpRequest.newBuilder(URI.create(base + "/api/projects"))
        .header("Content-Type", "application/json");
    var noToken = go.apply(apiPost.copy().POST(HttpRequest.BodyPublishers.ofString(project))
        .build());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("CSRF");
    var withToken = go.apply(apiPost.copy().header("X-XSRF-TOKEN", sessionToken)
        .POST(HttpRequest.BodyPublishers.ofString(project)).build());
    assertThat(withToken.statusCode()).isEqualTo(201);
    assertThat(body(withToken).get("registeredBy").asText()).isEqualTo("keyoffice");

    var logout = go.apply(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", sessionToken).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(logout.statusCode()).isLessThan(300);
    assertThat(go.apply(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/engine/engine/default/task")).GET().build())
        .statusCode()).isEqualTo(401);
    assertThat(go.apply(HttpRequest.newBuilder(URI.create(base + "/api/calendar/years")).GET()
        .build()).statusCode()).isEqualTo(401);
  }
}
