package cn.kaifeng.jointapproval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.Drills;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.TestSmtp;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stops under load and starts again on the same data and port while the application
 * runs on: health turns DOWN and back UP, every call during the outage answers 503 problem details
 * and leaves nothing half done, and the work queued before it goes on. The outage lasts
 * {@code -Dreliability.outage-seconds} (the 30 s; the default build uses 12 s, which
 * already outlasts the pool's 5 s connection timeout and the job executor's back-off, so every
 * path meets the dead database, and keeps the build short).
 */
class DatabaseRestartIT {

  private static final int OUTAGE_SECONDS = Integer.getInteger("reliability.outage-seconds", 12);
  private static final int PORT = TestSmtp.freePort();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path dataDirectory;
  private static EmbeddedPostgres postgres;
  private static DataSource database;
  private static ConfigurableApplicationContext app;
  private static HttpClient http;
  private static String base;

  /** Same data directory and port each time; the data survives the stop. */
  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setPort(PORT)
        .setCleanDataDirectory(false).start();
  }

  @BeforeAll
  static void start() throws Exception {
    dataDirectory = Files.createTempDirectory("db-restart-pg");
    Files.delete(dataDirectory); // zonky runs initdb on a directory that is not there yet
    postgres = startPostgres();
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create database restart");
    }
    database = postgres.getDatabase("postgres", "restart");
    app = Drills.startNode(new String[] {
        "--SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:" + PORT + "/restart",
        "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=postgres"},
        // A job interrupted by the outage is locked until this passes, then runs again.
        "--camunda.bpm.job-execution.lock-time-in-millis=10000");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    FileSystemUtils.deleteRecursively(dataDirectory);
  }

  /** One call and what it answered. */
  record Answer(String what, String code, long at, int status, String contentType, String body) {}

  private static Answer call(String what, String code, HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(what, code, System.nanoTime(), response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      return new Answer(what, code, System.nanoTime(), -1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("keyoffice:demo".getBytes(StandardCharsets.UTF_8)));
  }

  private static Answer register(String code) throws IOException {
    var body = ProjectFixtures.body(code, ChinaTime.today().minusDays(3).toString());
    return call("register", code, request("/api/projects").header("Content-Type",
        "application/json").POST(HttpRequest.BodyPublishers.ofString(
        JSON.writeValueAsString(body))).build());
  }

  private static int health() {
    return call("health", null, HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
        .timeout(Duration.ofSeconds(30)).build()).status();
  }

  private static int count(String sql, Object... params) {
    var statement = JdbcClient.create(database).sql(sql);
    for (Object param : params) {
      statement = statement.param(param);
    }
    return statement.query(Integer.class).single();
  }

  @Test
  void theApplicationRidesOutADatabaseRestartWithoutHalfDoneWork() throws Exception {
    String before = ProjectFixtures.newCode("DBR");
    assertThat(register(before).status()).isEqualTo(201);
    assertThat(health()).isEqualTo(200);

    // Load: four clients registering and reading, one call after another, for the whole drill.
    var answers = new ConcurrentLinkedQueue<Answer>();
    var running = new AtomicBoolean(true);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      var client = new Thread(() -> {
        while (running.get()) {
          try {
            answers.add(register(ProjectFixtures.newCode("DBR")));
            answers.add(call("read", before, request("/api/projects/" + before).GET().build()));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          Drills.sleep(100);
        }
      });
      client.start();
      clients.add(client);
    }
    Drills.sleep(3000);

    long stopped = System.nanoTime();
    postgres.close();
    Drills.await("health DOWN", Duration.ofSeconds(30), () -> health() == 503);
    double down = (System.nanoTime() - stopped) / 1e9;
    Drills.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (System.nanoTime() - stopped) / 1_000_000));

    long restarted = System.nanoTime();
    postgres = startPostgres();
    Drills.await("health UP", Duration.ofSeconds(60), () -> health() == 200);
    double up = (System.nanoTime() - restarted) / 1e9;
    Drills.await("a registration succeeds again", Duration.ofSeconds(60),
        () -> answers.stream().anyMatch(a -> a.at() > restarted && a.status() == 201));
    running.set(false);
    for (var client : clients) {
      client.join();
    }

    Map<Integer, Integer> statuses = new TreeMap<>();
    answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
    List<Answer> refused = new ArrayList<>();
    for (var answer : answers) {
      assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 503);
      if (answer.status() == 503) {
        assertThat(answer.contentType()).as(answer.toString())
            .startsWith("application/problem+json");
        var problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asText()).isEqualTo("数据库暂时不可用");
        refused.add(answer);
      }
    }
    assertThat(refused).as("calls refused during the outage").isNotEmpty();

    // Nothing half done: a refused registration left no row, no process, no event; an accepted
    // one is whole.
    for (var answer : refused) {
      if (answer.what().equals("register")) {
        assertThat(count("select count(*) from project where code = ?", answer.code())).isZero();
        assertThat(count("select count(*) from project_event where project_code = ?",
            answer.code())).isZero();
        assertThat(count("select count(*) from act_hi_procinst where business_key_ = ?",
            answer.code())).isZero();
      }
    }
    int registered = 0;
    for (var answer : answers) {
      if (answer.status() == 201) {
        registered++;
        assertThat(count("select count(*) from project_item where project_code = ?",
            answer.code())).as(answer.code()).isPositive();
        assertThat(count("select count(*) from act_ru_execution where business_key_ = ? "
            + "and parent_id_ is null", answer.code())).as(answer.code()).isPositive();
      }
    }

    // The jobs go on: every job due now runs (one the outage interrupted after its lock time).
    long resumed = System.nanoTime();
    Drills.awaitQuiet(database, Duration.ofSeconds(90));
    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    System.out.printf("[reliability] PostgreSQL down %d s under load: health DOWN after %.1f s, "
            + "UP %.1f s after the restart, jobs quiet %.1f s later; answers %s (%d refused with "
            + "503, none half done), %d registrations accepted and whole%n",
        OUTAGE_SECONDS, down, up, (System.nanoTime() - resumed) / 1e9, statuses, refused.size(),
        registered);
  }
}
