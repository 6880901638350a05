package cn.kaifeng.jointapproval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Login throttling and browser protections over real HTTP on PostgreSQL: wrong passwords slow a
 * user down on each of the three logins (and only that user), parallel guesses do not get around
 * it, and every answer of the webapps, /api and /engine-rest (errors included) carries nosniff,
 * a CSP and frame protection. The users that get wrong passwords here exist only in this test.
 */
@ExtendWith(SharedPostgres.class)
class HardeningIT {

  private static final String PASSWORD = "Zhengque-mima-2025";
  private static final String WRONG = "cuowu-mima";
  private static final String BYSTANDER = "bystander";

  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient http = HttpClient.newHttpClient();

  /** The three ways a password comes in; each answers 200 for a right one. */
  enum Door {
    API {
      @Override
      int login(String user, String password) {
        return send(basic(user, password, "/api/calendar/years").GET().build()).statusCode();
      }
    },
    ENGINE_REST {
      @Override
      int login(String user, String password) {
        return send(basic(user, password, "/engine-rest/version").GET().build()).statusCode();
      }
    },
    WEBAPP {
      @Override
      int login(String user, String password) {
        // A fresh browser each time: its session and the CSRF token the login needs.
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var page = send(browser, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
            .GET().build());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(browser, HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode();
      }
    };

    abstract int login(String user, String password);

    String user() {
      return "lock-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = database.startApplication();
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    var identity = app.getBean(IdentityService.class);
    var users = new ArrayList<String>(List.of(BYSTANDER, "lock-parallel", "lock-schedule"));
    Stream.of(Door.values()).map(Door::user).forEach(users::add);
    for (String id : users) {
      var user = identity.newUser(id);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      // A section officer: may open Tasklist, so that a right webapp login answers 200.
      identity.createMembership(id, "approval-fgw");
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static URI uri(String path) {
    return URI.create(base + path);
  }

  private static HttpRequest.Builder basic(String user, String password, String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + Base64
        .getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return send(http, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** The engine's clock, which its login delay reads; stands still until set again. */
  private static void clock(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  private static UserEntity stored(String user) {
    return (UserEntity) app.getBean(IdentityService.class).createUserQuery().userId(user)
        .singleResult();
  }

  // --- login throttling -------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @EnumSource(Door.class)
  void wrongPasswordsLockTheUserForTheDelayAndNobodyElse(Door door) {
    String user = door.user();
    var t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    clock(t);
    assertThat(door.login(user, PASSWORD)).as("right password before").isEqualTo(200);

    // Three wrong passwords in a row, each once the previous delay is over: 3 s, 6 s, then 12 s.
    assertThat(door.login(user, WRONG)).isEqualTo(401);
    t = t.plusSeconds(3);
    clock(t);
    assertThat(door.login(user, WRONG)).isEqualTo(401);
    t = t.plusSeconds(6);
    clock(t);
    assertThat(door.login(user, WRONG)).isEqualTo(401);
    assertThat(stored(user).getAttempts()).isEqualTo(3);

    // For the next 12 seconds even the right password is refused, through every door.
    assertThat(door.login(user, PASSWORD)).as("right password while locked").isEqualTo(401);
    clock(t.plusSeconds(11));
    for (Door any : Door.values()) {
      assertThat(any.login(user, PASSWORD)).as("through " + any + " while locked")
          .isEqualTo(401);
    }
    // Nobody else waits.
    assertThat(door.login(BYSTANDER, PASSWORD)).as("another user").isEqualTo(200);

    // Then the right password works again and clears the count.
    clock(t.plusSeconds(12));
    assertThat(door.login(user, PASSWORD)).as("right password after the delay").isEqualTo(200);
    assertThat(stored(user).getAttempts()).isZero();
  }

  @Test
  void guessesSentAllAtOnceFindTheLockOfTheFirst() throws Exception {
    clock(Instant.now());
    var lockMessages = new ListAppender<ILoggingEvent>();
    lockMessages.start();
    var identityLog = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.identity");
    identityLog.addAppender(lockMessages);
    try {
      List<CompletableFuture<HttpResponse<Void>>> guesses = IntStream.range(0, 20)
          .mapToObj(i -> http.sendAsync(
              basic("lock-parallel", WRONG + i, "/engine-rest/version").GET().build(),
              HttpResponse.BodyHandlers.discarding()))
          .toList();
      for (var guess : guesses) {
        assertThat(guess.get().statusCode()).isEqualTo(401);
      }
    } finally {
      identityLog.detachAppender(lockMessages);
    }
    // Only the first guess was compared; the other 19 found the user locked.
    assertThat(lockMessages.list).extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(message -> message.contains("'lock-parallel'"))
        .hasSize(1);
    assertThat(stored("lock-parallel").getAttempts()).isOne();
  }

  @Test
  void theDelayDoublesUpToFiveMinutesAndOnlyTheHundredthFailureLocksForGood() {
    var identity = app.getBean(IdentityService.class);
    String user = "lock-schedule";
    var t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var delays = new ArrayList<Long>();
    for (int attempt = 1; attempt <= 100; attempt++) {
      clock(t);
      assertThat(identity.checkPassword(user, WRONG)).isFalse();
      var stored = stored(user);
      assertThat(stored.getAttempts()).isEqualTo(attempt);
      var until = stored.getLockExpirationTime().toInstant();
      delays.add(Duration.between(t, until).toSeconds());
      t = until;
    }
    assertThat(delays.subList(0, 9)).containsExactly(3L, 6L, 12L, 24L, 48L, 96L, 192L, 300L, 300L);
    assertThat(delays).allMatch(delay -> delay <= 300);
    // Getting there took an attacker the better part of a working day.
    long secondsToPermanentLock = delays.subList(0, 99).stream().mapToLong(d -> d).sum();
    assertThat(Duration.ofSeconds(secondsToPermanentLock)).isGreaterThan(Duration.ofHours(7));

    // After the 100th failure the user stays locked, a day later too, until an administrator
    // unlocks them (Camunda Admin).
    clock(t.plus(Duration.ofDays(1)));
    assertThat(identity.checkPassword(user, PASSWORD)).isFalse();
    identity.unlockUser(user);
    assertThat(identity.checkPassword(user, PASSWORD)).isTrue();
  }

  // --- headers ----------------------------------------------------------------------------------

  static Stream<Arguments> answers() {
    return Stream.of(
        answer("Tasklist page", 200, () -> get("/camunda/app/tasklist/default/")),
        answer("webapp library", 200, () -> get("/camunda/lib/deps.js?bust=7.24.0")),
        answer("webapp library missing", 404, () -> get("/camunda/lib/missing.js")),
        answer("webapp API without login", 401,
            () -> get("/camunda/api/engine/engine/default/task")),
        answer("webapp login without CSRF token", 403, () -> send(HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build())),
        answer("/api", 200, () -> send(basic("demo", "demo", "/api/calendar/years").GET()
            .build())),
        answer("/api without login", 401, () -> get("/api/calendar/years")),
        answer("/api forbidden", 403, () -> send(basic("officer-fgw", "demo",
                "/api/calendar/years/2027").header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{}")).build())),
        answer("/api unknown project", 404, () -> send(basic("demo", "demo",
            "/api/projects/NO-SUCH-PROJECT").GET().build())),
        answer("/engine-rest", 200, () -> send(basic("demo", "demo", "/engine-rest/version")
            .GET().build())),
        answer("/engine-rest without login", 401, () -> get("/engine-rest/task")),
        answer("/engine-rest forbidden", 403, () -> send(basic("officer-fgw", "demo",
                "/engine-rest/process-definition/key/joint-approval/start")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build())),
        answer("/engine-rest unknown task", 404, () -> send(basic("demo", "demo",
            "/engine-rest/task/no-such-task").GET().build())),
        answer("health", 200, () -> get("/actuator/health")));
  }

  private static Arguments answer(String what, int status,
      Supplier<HttpResponse<String>> request) {
    return Arguments.of(what, status, request);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("answers")
  void everyAnswerCarriesTheBrowserProtections(String what, int status,
      Supplier<HttpResponse<String>> request) {
    var response = request.get();
    assertThat(response.statusCode()).as(what).isEqualTo(status);
    var headers = response.headers();
    assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
    assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
    assertThat(headers.allValues("Content-Security-Policy")).as(what)
        .singleElement(STRING).contains("frame-ancestors 'none'");
    // Plain HTTP on a developer's machine: no HSTS outside the prod profile.
    assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
  }

  @Test
  void theWebappsKeepCamundasPolicyWhichTheirScriptsNeed() {
    var page = get("/camunda/app/tasklist/default/");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("'strict-dynamic'", "'nonce-", "frame-ancestors 'none'");
    // nosniff makes the browser refuse scripts and styles of the wrong type.
    assertThat(get("/camunda/lib/deps.js?bust=7.24.0").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
  }

  // --- the vendor's migration notice --------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrationNoticeIsHidden(String webapp) {
    // The app's header carries the notice, marked by this class...
    assertThat(get("/camunda/app/" + webapp + "/camunda-" + webapp + "-bootstrap.js").body())
        .contains("class=\"ce-eol-banner\"");
    // ...the page loads the app's user stylesheet...
    var page = get("/camunda/app/" + webapp + "/default/");
    assertThat(page.body()).contains("/camunda/app/" + webapp + "/styles/user-styles.css");
    // ...which is ours, not the jar's example, and hides it.
    var styles = get("/camunda/app/" + webapp + "/styles/user-styles.css?bust=7.24.0");
    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(styles.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(styles.body().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\\s+", " "))
        .contains("[cam-widget-header] .ce-eol-banner { display: none !important; }");
    // config.js, where one would look first, says where it went.
    assertThat(get("/camunda/app/" + webapp + "/scripts/config.js").body())
        .contains("user-styles.css");
  }
}
