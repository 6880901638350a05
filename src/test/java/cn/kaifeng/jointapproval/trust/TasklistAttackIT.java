package cn.kaifeng.jointapproval.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The webapps' engine API ({@code /camunda/api/engine}), which Tasklist and Cockpit call with the
 * browser's session and CSRF token, attacked by a user of every role: the same refusals as on
 * {@code /engine-rest}, and nothing changes.
 */
class TasklistAttackIT extends AttackTestBase {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  private static String code;
  private static Map<String, JsonNode> tasks;
  private static JsonNode fgwTask;

  @BeforeAll
  static void projects() {
    code = project();
    fgwTask = task(code, "approval-fgw");
    complete(task(code, "approval-sthj").get("id").asText(),
        Map.of("outcome", "RETURNED", "opinion", "请补充环评报告"));
    tasks = Map.of(
        "officer-fgw", fgwTask,
        "officer-wlj", task(code, "approval-wlj"),
        "cso-lankao", task(code, "county-lankao"));
  }

  static List<String> roles() {
    return ROLES;
  }

  /** A browser logged in to Tasklist: its cookies and the session's CSRF token. */
  record Browser(HttpClient client, String token) {

    static Browser login(String user) {
      var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      var page = go(client, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
          .GET().build());
      String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      var login = go(client, HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
              + URLEncoder.encode("demo", StandardCharsets.UTF_8))).build());
      assertThat(login.statusCode()).as(user + " " + login.body()).isEqualTo(200);
      var after = go(client, HttpRequest.newBuilder(URI.create(base + ENGINE + "/task?maxResults=1"))
          .GET().build());
      return new Browser(client, after.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }

    HttpResponse<String> call(String method, String path, Object body) {
      var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(write(body));
      return go(client, HttpRequest.newBuilder(URI.create(base + ENGINE + path))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
          .method(method, publisher).build());
    }

    private static HttpResponse<String> go(HttpClient client, HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void whatTasklistSendsOutsideAFormIsRefusedAndChangesNothing(String role) {
    var browser = Browser.login(role);
    JsonNode task = tasks.getOrDefault(role, fgwTask);
    boolean candidate = tasks.containsKey(role);
    boolean registrar = Set.of("keyoffice", "cso-lankao").contains(role);
    String t = task.get("id").asText();
    String instance = task.get("processInstanceId").asText();

    record Attempt(String name, String method, String path, Object body, Set<Integer> expected) {
    }
    Set<Integer> forbidden = Set.of(403);
    List<Attempt> attempts = List.of(
        new Attempt("submit the form with a foreign item", "POST", "/task/" + t + "/submit-form",
            variables("itemCode", "fgw-proposal"), candidate ? Set.of(400) : Set.of(403, 404)),
        new Attempt("complete with a candidate group", "POST", "/task/" + t + "/complete",
            variables("candidateGroup", "approval-wlj"),
            candidate ? Set.of(400) : Set.of(403, 404)),
        new Attempt("set a task variable", "PUT", "/task/" + t + "/variables/outcome",
            Map.of("value", "APPROVED"), forbidden),
        new Attempt("set a task-local variable", "PUT", "/task/" + t + "/localVariables/dueOn",
            Map.of("value", "2099-01-01"), forbidden),
        new Attempt("set an instance variable", "PUT", "/process-instance/" + instance
            + "/variables/itemCode", Map.of("value", "x"), forbidden),
        new Attempt("correlate a message", "POST", "/message",
            Map.of("messageName", "MatterCarriedOut", "all", true), forbidden),
        new Attempt("suspend the instance", "PUT", "/process-instance/" + instance + "/suspended",
            Map.of("suspended", true), forbidden),
        new Attempt("register with an extra field", "POST",
            "/process-definition/key/joint-approval/submit-form",
            variables("code", "TL-1", "initiator", "someone-else"),
            registrar ? Set.of(400) : forbidden));

    for (Attempt attempt : attempts) {
      var before = snapshot();
      var response = browser.call(attempt.method(), attempt.path(), attempt.body());
      assertThat(response.statusCode()).as(role + ": " + attempt.name() + " → " + response.body())
          .isIn(attempt.expected());
      assertProblem(response, response.statusCode());
      assertThat(snapshot()).as(role + ": " + attempt.name() + " changed something")
          .isEqualTo(before);
    }
  }

  @Test
  void anOpinionOfMoreThan2000CharactersIsRefusedWhenTasklistSubmitsTheForm() {
    String fresh = project();
    String task = task(fresh, "approval-fgw").get("id").asText();
    var browser = Browser.login("officer-fgw");
    var before = snapshot();
    var response = browser.call("POST", "/task/" + task + "/submit-form",
        variables("outcome", "APPROVED", "opinion", "意".repeat(2001)));
    var problem = assertProblem(response, 400);
    assertThat(fields(problem)).containsExactly("opinion");
    // Tasklist shows "message": it names the field and the limit in Chinese.
    assertThat(problem.get("message").asText()).contains("opinion", "2000");
    assertThat(snapshot()).isEqualTo(before);

    var ok = browser.call("POST", "/task/" + task + "/submit-form",
        variables("outcome", "APPROVED", "opinion", "同意"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
  }
}
