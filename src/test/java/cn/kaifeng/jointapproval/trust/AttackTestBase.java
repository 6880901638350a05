package cn.kaifeng.jointapproval.trust;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.FirstStage;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application on a real PostgreSQL over real HTTP, for the trust-boundary attacks: projects to
 * attack, a user of every role, and a snapshot of everything a refused attack must leave exactly
 * as it was (the ledger, the clocks, the engine's variables, tasks, jobs and executions). The job
 * executor is off, so nothing changes in between unless a request changes it.
 */
@ExtendWith(SharedPostgres.class)
abstract class AttackTestBase {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  /** What an error body must never show: SQL, a class, a table, a stack trace. */
  static final Pattern LEAK = Pattern.compile(
      "Exception|org\\.camunda|java\\.|ACT_[A-Z]{2}_|\\bSELECT\\b|\\bUPDATE\\b|###|\\bat [a-z]+\\.");

  /** Every role of DOMAIN.md §4, and a designer who is nothing else. */
  static final List<String> ROLES = List.of("officer-fgw", "officer-wlj", "cso-lankao",
      "keyoffice", "coordinator", "vicemayor", "supervisor", "designer");

  static ConfigurableApplicationContext app;
  static String base;

  @BeforeAll
  static void startApplication(SharedPostgres.Database database) {
    app = database.startApplication();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    var identity = app.getBean(IdentityService.class);
    var designer = identity.newUser("designer");
    designer.setPassword("demo");
    identity.saveUser(designer);
    identity.createMembership("designer", "process-designer");
  }

  @AfterAll
  static void stopApplication() {
    if (app != null) {
      app.close();
    }
  }

  // --- HTTP ---------------------------------------------------------------------------------

  static HttpRequest.Builder request(String user, String path) {
    var builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> call(String user, String method, String path, Object body) {
    var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(write(body));
    return send(request(user, path).header("Content-Type", "application/json")
        .method(method, publisher).build());
  }

  static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
    }
  }

  /** An error answer: problem details with a Chinese title and nothing that leaks internals. */
  static JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = read(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).matches(".*[\\u4e00-\\u9fff].*");
    assertThat(response.body()).doesNotContainPattern(LEAK);
    return problem;
  }

  /** The fields a 400 names. */
  static List<String> fields(JsonNode problem) {
    return problem.path("errors").findValuesAsText("field");
  }

  static Map<String, Object> variables(Object... keysAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], Map.of("value", keysAndValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  // --- projects and tasks -------------------------------------------------------------------

  /** A project in Lankao with every condition, registered by the key projects office. */
  static String project() {
    var code = ProjectFixtures.newCode("ATK");
    var body = ProjectFixtures.everything(
        ProjectFixtures.body(code, ChinaTime.today().minusDays(1).toString()));
    assertThat(call("keyoffice", "POST", "/api/projects", body).statusCode()).isEqualTo(201);
    FirstStage.open(app, code);
    return code;
  }

  /** A task of the group, assigned or not (a county's 补正 is assigned to the named officer). */
  static JsonNode task(String code, String group) {
    var tasks = read(call("demo", "GET", "/engine-rest/task?processInstanceBusinessKey=" + code
        + "&candidateGroup=" + group + "&includeAssignedTasks=true", null));
    assertThat(tasks).as(group).isNotEmpty();
    return tasks.get(0);
  }

  /** Lets the job executor's work happen now (it is off in these tests). */
  static void runJobs() {
    var management = app.getBean(ManagementService.class);
    for (int round = 0; round < 20; round++) {
      var jobs = management.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Completes a task as an administrator would from Java: the process moves on. */
  static void complete(String taskId, Map<String, Object> variables) {
    app.getBean(TaskService.class).complete(taskId, variables);
    runJobs();
  }

  static JdbcClient jdbc() {
    return app.getBean(JdbcClient.class);
  }

  /** Everything a refused write must leave as it was. */
  static Map<String, Object> snapshot() {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    for (String query : List.of(
        "select * from project order by code",
        "select * from project_item order by project_code, item_code",
        "select * from project_pause order by 1, 2, 3",
        "select count(*) from project_event",
        "select * from matter order by id",
        "select * from supervision_case order by id",
        "select * from deadline order by id",
        "select id_, name_, type_, text_, long_, double_, bytearray_id_, execution_id_, task_id_,"
            + " proc_inst_id_ from act_ru_variable order by id_",
        "select count(*) from act_ge_bytearray",
        "select id_, name_, assignee_, owner_, due_date_, follow_up_date_, priority_,"
            + " suspension_state_ from act_ru_task order by id_",
        "select task_id_, type_, group_id_, user_id_ from act_ru_identitylink"
            + " order by task_id_, type_, group_id_, user_id_",
        "select id_, type_, retries_, duedate_, suspension_state_, priority_ from act_ru_job"
            + " order by id_",
        "select id_, act_id_, is_active_, suspension_state_ from act_ru_execution order by id_",
        "select count(*) from act_ru_event_subscr",
        "select count(*) from act_ru_incident",
        "select count(*) from act_hi_procinst",
        "select count(*) from act_ru_batch")) {
      snapshot.put(query, jdbc().sql(query).query().listOfRows());
    }
    return snapshot;
  }
}
