package cn.kaifeng.jointapproval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.support.Drills;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The README's backup and restore, as an operator runs it: {@code pg_dump -Fc} of the running
 * application's database, {@code pg_restore} into a fresh, empty database, and the application
 * started on the copy finds every running project as it was and carries on with it.
 *
 * <p>The tools are the machine's ({@code pg_dump} on the PATH, or {@code -Dbackup.pg-bin=DIR}):
 * Debian's PostgreSQL 15 client on the development and CI machines. pg_dump refuses a server newer
 * than itself, so this test runs its own embedded PostgreSQL of that major version (the binaries
 * the build copies to {@code target/backup-postgres}, see the pom); in production the dump is
 * made with the server's own major version (README).
 */
class BackupRestoreIT {

  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext app;
  private static Path dump;

  @BeforeAll
  static void start() throws Exception {
    String binaries = System.getProperty("backup.postgres.binaries",
        "target/backup-postgres/postgres-15-binaries.jar");
    postgres = EmbeddedPostgres.builder().setPgBinaryResolver(fromJar(Path.of(binaries))).start();
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create database live");
      statement.execute("create database restored");
    }
    dump = Files.createTempFile("joint-approval", ".dump");
  }

  /** The server binaries in a zonky binaries jar (one {@code .txz} archive). */
  private static PgBinaryResolver fromJar(Path jar) {
    return (system, architecture) -> {
      try (var zip = new ZipFile(jar.toFile())) {
        var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
            .orElseThrow(() -> new IOException("No PostgreSQL archive in " + jar));
        try (var in = zip.getInputStream(entry)) {
          return new ByteArrayInputStream(in.readAllBytes());
        }
      }
    };
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    Files.deleteIfExists(dump);
  }

  private static String[] datasource(String name) {
    return new String[] {
        "--SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name,
        "--SPRING_DATASOURCE_USERNAME=postgres", "--SPRING_DATASOURCE_PASSWORD=postgres"};
  }

  private static String tool(String name) {
    String dir = System.getProperty("backup.pg-bin");
    return dir == null ? name : Path.of(dir, name).toString();
  }

  /** Runs a client tool as the README shows it; fails with its output if it fails. */
  private static String run(String... command) throws Exception {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  /** What a running project is: its ledger rows, items, open tasks and process instances. */
  private static Map<String, List<String>> state(DataSource database) {
    var jdbc = JdbcClient.create(database);
    Map<String, List<String>> state = new HashMap<>();
    state.put("projects", jdbc.sql("select code || ' ' || status || ' ' || node from project "
        + "order by code").query(String.class).list());
    state.put("items", jdbc.sql("select project_code || ' ' || item_code || ' ' || status || ' ' "
        + "|| light || ' ' || coalesce(cast(completed_on as varchar), '-') from project_item "
        + "order by 1").query(String.class).list());
    state.put("events", jdbc.sql("select project_code || ' ' || event || ' ' || "
        + "coalesce(item_code, '-') from project_event order by id").query(String.class).list());
    state.put("deadlines", jdbc.sql("select id || ' ' || due_on from deadline order by id")
        .query(String.class).list());
    state.put("tasks", jdbc.sql("select t.name_ || ' ' || coalesce(cast(t.due_date_ as varchar), "
        + "'-') || ' ' || l.group_id_ from act_ru_task t join act_ru_identitylink l "
        + "on l.task_id_ = t.id_ and l.type_ = 'candidate' order by 1").query(String.class).list());
    state.put("instances", jdbc.sql("select d.key_ || ' ' || coalesce(e.business_key_, '-') "
        + "from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
        + "where e.parent_id_ is null order by 1").query(String.class).list());
    state.put("timers", jdbc.sql("select handler_type_ || ' ' || cast(duedate_ as varchar) "
        + "from act_ru_job where handler_type_ like 'timer%' order by 1")
        .query(String.class).list());
    return state;
  }

  @Test
  void aDumpRestoredIntoAFreshDatabaseRunsEveryProjectOn() throws Exception {
    String version = run(tool("pg_dump"), "--version");
    var major = Pattern.compile("(\\d+)\\.").matcher(version);
    assertThat(major.find()).as(version).isTrue();
    assertThat(Integer.parseInt(major.group(1))).as("pg_dump " + version)
        .isGreaterThanOrEqualTo(15);

    var live = postgres.getDatabase("postgres", "live");
    app = Drills.startNode(datasource("live"));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      codes.add(app.getBean(ProjectRegistrationService.class).register(
          ProjectFixtures.body(ProjectFixtures.newCode("BAK"),
              ChinaTime.today().minusDays(10).toString()), "keyoffice",
          List.of("key-projects-office")));
    }
    // Registration answers before its first stage opens (a job right after the commit).
    Drills.awaitQuiet(live, Duration.ofSeconds(60));
    var tasks = app.getBean(TaskService.class);
    var open = tasks.createTaskQuery().taskDefinitionKey("reviewItem").list();
    for (var task : open.subList(0, 3)) {
      tasks.complete(task.getId(), new HashMap<>(Map.of("outcome", "APPROVED", "opinion", "同意")));
    }
    Drills.awaitQuiet(live, Duration.ofSeconds(60));

    // The backup is taken while the application runs (pg_dump reads one consistent snapshot).
    long began = System.nanoTime();
    String port = String.valueOf(postgres.getPort());
    run(tool("pg_dump"), "-Fc", "-h", "localhost", "-p", port, "-U", "postgres", "-d", "live",
        "-f", dump.toString());
    double dumped = (System.nanoTime() - began) / 1e9;
    app.close();
    app = null;
    var before = state(live);

    began = System.nanoTime();
    run(tool("pg_restore"), "--no-owner", "--exit-on-error", "-h", "localhost", "-p", port, "-U",
        "postgres", "-d", "restored", dump.toString());
    double restored = (System.nanoTime() - began) / 1e9;
    var copy = postgres.getDatabase("postgres", "restored");
    assertThat(state(copy)).isEqualTo(before);

    var changelog = "select count(*) from databasechangelog";
    int changeSets = JdbcClient.create(copy).sql(changelog).query(Integer.class).single();
    app = Drills.startNode(datasource("restored"));
    // Liquibase found nothing to do; the engine deployed nothing new; every project is as it was.
    assertThat(JdbcClient.create(copy).sql(changelog).query(Integer.class).single())
        .isEqualTo(changeSets);
    assertThat(JdbcClient.create(copy).sql("select count(*) from act_re_deployment")
        .query(Integer.class).single()).isOne();
    assertThat(state(copy)).isEqualTo(before);

    // And the work goes on: an officer approves an item of a restored project.
    var restoredTasks = app.getBean(TaskService.class);
    var next = restoredTasks.createTaskQuery().taskDefinitionKey("reviewItem")
        .processInstanceBusinessKey(codes.get(0)).list().get(0);
    restoredTasks.complete(next.getId(),
        new HashMap<>(Map.of("outcome", "APPROVED", "opinion", "同意")));
    Drills.awaitQuiet(copy, Duration.ofSeconds(60));
    assertThat(JdbcClient.create(copy).sql("select count(*) from project_event "
        + "where event = 'ITEM_APPROVED'").query(Integer.class).single()).isEqualTo(4);
    System.out.printf("[reliability] backup: %s; pg_dump -Fc %.1f s (%d KiB), pg_restore into "
            + "a fresh database %.1f s; %d projects, %d items, %d open tasks, %d timers intact; "
            + "an item approved on the copy%n",
        version.strip(), dumped, Files.size(dump) / 1024, restored, before.get("projects").size(),
        before.get("items").size(), before.get("tasks").size(), before.get("timers").size());
  }
}
