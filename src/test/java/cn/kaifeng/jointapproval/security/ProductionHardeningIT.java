package cn.kaifeng.jointapproval.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The prod profile over real HTTP: every surface adds HSTS to the protections that every profile
 * sends, and the webapps' cookies are Secure. Its own class (and application) because a second
 * Camunda engine must not run next to {@link HardeningIT}'s in the same JVM.
 */
class ProductionHardeningIT {

  private static final HttpClient http = HttpClient.newHttpClient();

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void productionAddsHstsEverywhereAndSecureCookies() {
    try (var app = new SpringApplicationBuilder(JointApprovalApplication.class).profiles("prod")
        .run("--spring.datasource.url=jdbc:h2:mem:prod-hardening",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--jointapproval.identity.admin.id=ops-admin",
            "--jointapproval.identity.admin.password=S3cure-enough-pass")) {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      String admin = "Basic " + Base64.getEncoder()
          .encodeToString("ops-admin:S3cure-enough-pass".getBytes(StandardCharsets.UTF_8));
      record Call(String path, boolean login, int status) {}
      for (var call : List.of(
          new Call("/camunda/app/tasklist/default/", false, 200),
          new Call("/camunda/lib/deps.js", false, 200),
          new Call("/camunda/api/engine/engine/default/task", false, 401),
          new Call("/api/calendar/years", true, 200),
          new Call("/api/calendar/years", false, 401),
          new Call("/engine-rest/version", true, 200),
          new Call("/engine-rest/task", false, 401),
          new Call("/actuator/health", false, 200))) {
        var request = HttpRequest.newBuilder(URI.create(base + call.path())).GET();
        if (call.login()) {
          request.header("Authorization", admin);
        }
        var response = send(request.build());
        var headers = response.headers();
        assertThat(response.statusCode()).as(call.toString()).isEqualTo(call.status());
        assertThat(headers.allValues("Strict-Transport-Security")).as(call.toString())
            .containsExactly("max-age=31536000");
        assertThat(headers.allValues("X-Content-Type-Options")).as(call.toString())
            .containsExactly("nosniff");
        assertThat(headers.allValues("X-Frame-Options")).as(call.toString())
            .containsExactly("DENY");
      }

      // The Tasklist page starts a session and hands out the CSRF cookie: both HTTPS only.
      var cookies = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
          .GET().build()).headers().allValues("Set-Cookie");
      assertThat(cookies).anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
          .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
          .allMatch(cookie -> cookie.matches("(?i).*;\\s*secure\\s*(;.*)?"), "marked Secure");
    }
  }
}
