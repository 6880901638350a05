package cn.kaifeng.jointapproval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An officer logged in to the webapps, asking what Tasklist asks: the session cookie and the CSRF
 * token of Camunda's own protocol ({@code X-XSRF-TOKEN: Fetch}), no password per request.
 */
final class TasklistSession {

  private final HttpClient client;
  private final String base;
  private final String token;

  private TasklistSession(HttpClient client, String base, String token) {
    this.client = client;
    this.base = base;
    this.token = token;
  }

  static TasklistSession login(String base, String user) throws Exception {
    return login(base, user, "tasklist");
  }

  /** Logs in to one of the webapps ({@code tasklist}, {@code welcome}…) with the demo password. */
  static TasklistSession login(String base, String user, String app) throws Exception {
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(10)).build();
    String token = fetchToken(client, base);
    var login = client.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login of " + user + ": " + login.body()).isEqualTo(200);
    // The login starts a new session, which has a token of its own.
    return new TasklistSession(client, base, fetchToken(client, base));
  }

  private static String fetchToken(HttpClient client, String base) throws Exception {
    var reply = client.send(HttpRequest.newBuilder(URI.create(base
            + "/camunda/api/admin/auth/user/default")).header("X-XSRF-TOKEN", "Fetch").build(),
        HttpResponse.BodyHandlers.discarding());
    return reply.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
  }

  HttpClient client() {
    return client;
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(5)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A POST as Tasklist's task list sends it: JSON in, HAL with embedded resources out. */
  HttpResponse<String> postHal(String path, String body) throws Exception {
    return post(path, body, "application/hal+json");
  }

  HttpResponse<String> post(String path, String body, String accept) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(5)).header("X-XSRF-TOKEN", token)
            .header("Content-Type", "application/json").header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
