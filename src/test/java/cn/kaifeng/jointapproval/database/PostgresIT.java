package cn.kaifeng.jointapproval.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.support.CalendarFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on a real PostgreSQL, started by the test itself: Liquibase builds the whole
 * schema from an empty database, a second start changes nothing, and processes run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPostgres.class)
class PostgresIT {

  /** One database for both starts: the second must find what the first left. */
  private static SharedPostgres.Database database;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void emptyDatabase(SharedPostgres.Database empty) {
    database = empty;
  }

  @AfterAll
  static void stopAll() {
    if (app != null) {
      app.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static ConfigurableApplicationContext start() {
    return database.startApplication();
  }

  private static JdbcTemplate jdbc() {
    return new JdbcTemplate(database.dataSource());
  }

  /** Tables and their columns as the engine's own 7.24 create scripts for PostgreSQL define them. */
  private static Map<String, Set<String>> camundaSchema() throws IOException {
    var create = Pattern.compile("create table (\\w+)\\s*\\((.*?)\\);",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    var column = Pattern.compile("^\\s*(\\w+)\\s+\\w+", Pattern.MULTILINE);
    Map<String, Set<String>> tables = new TreeMap<>();
    var scripts = new PathMatchingResourcePatternResolver()
        .getResources("classpath*:org/camunda/bpm/engine/db/create/activiti.postgres.create.*.sql");
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(7);
    for (var script : scripts) {
      var sql = script.getContentAsString(StandardCharsets.UTF_8);
      var tableMatcher = create.matcher(sql);
      while (tableMatcher.find()) {
        Set<String> columns = new TreeSet<>();
        var columnMatcher = column.matcher(tableMatcher.group(2));
        while (columnMatcher.find()) {
          String name = columnMatcher.group(1).toLowerCase();
          if (!Set.of("primary", "constraint", "unique", "foreign").contains(name)) {
            columns.add(name);
          }
        }
        tables.put(tableMatcher.group(1).toLowerCase(), columns);
      }
    }
    return tables;
  }

  private static Set<String> columnsOf(String table) {
    return new TreeSet<>(jdbc().queryForList("select column_name from information_schema.columns "
        + "where table_schema = 'public' and table_name = ?", String.class, table));
  }

  @Test
  @Order(1)
  void liquibaseCreatesTheWholeSchemaFromEmpty() throws IOException {
    assertThat(jdbc().queryForObject("select count(*) from information_schema.tables "
        + "where table_schema = 'public'", Integer.class)).isZero();

    app = start();

    var expected = camundaSchema();
    assertThat(expected).hasSizeGreaterThan(40).containsKey("act_ru_task");
    expected.forEach((table, columns) -> assertThat(columnsOf(table)).as(table)
        .containsExactlyInAnyOrderElementsOf(columns));
    for (String table : new String[] {"calendar_year", "calendar_day", "deadline"}) {
      assertThat(columnsOf(table)).as(table).isNotEmpty();
    }
    assertThat(jdbc().queryForObject("select count(*) from calendar_year", Integer.class))
        .isEqualTo(8);
    assertThat(jdbc().queryForObject("select max(version_) from act_ge_schema_log", String.class))
        .startsWith("7.24");
    // The engine only checked the schema; Liquibase made it.
    assertThat(app.getEnvironment().getProperty("camunda.bpm.database.schema-update"))
        .isEqualTo("false");
  }

  @Test
  @Order(2)
  void aSecondStartOnTheSameDatabaseChangesNothing() {
    var jdbc = jdbc();
    String changelogSql = "select count(*) || '/' || max(orderexecuted) from databasechangelog";
    String changelogBefore = jdbc.queryForObject(changelogSql, String.class);
    int deploymentsBefore = jdbc.queryForObject("select count(*) from act_re_deployment",
        Integer.class);
    int groupsBefore = jdbc.queryForObject("select count(*) from act_id_group", Integer.class);
    int usersBefore = jdbc.queryForObject("select count(*) from act_id_user", Integer.class);
    assertThat(deploymentsBefore).isEqualTo(1);
    assertThat(groupsBefore).isEqualTo(29);
    assertThat(usersBefore).isEqualTo(32);

    app.close();
    app = start();

    assertThat(jdbc.queryForObject(changelogSql, String.class)).isEqualTo(changelogBefore);
    assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Integer.class))
        .isEqualTo(deploymentsBefore);
    assertThat(jdbc.queryForObject("select count(*) from act_id_group", Integer.class))
        .isEqualTo(groupsBefore);
    assertThat(jdbc.queryForObject("select count(*) from act_id_user", Integer.class))
        .isEqualTo(usersBefore);
  }

  @Test
  @Order(3)
  void aProcessFromBpmnRunsAndLoadingAYearReTimesOpenDeadlines() {
    var engine = app.getBean(ProcessEngine.class);
    var calendar = app.getBean(CalendarService.class);
    var deadlines = app.getBean(DeadlineService.class);
    var clock = deadlines.open("it:postgres", LocalDate.of(2026, 12, 15), 30);
    assertThat(clock.provisional()).isTrue();

    ClockUtil.setCurrentTime(ChinaTime.startOf(LocalDate.of(2026, 11, 1)));
    var instance = engine.getRuntimeService()
        .startProcessInstanceByKey("holiday-schedule-update", Map.of());
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("loadSchedule");
    assertThat(task.getName()).isEqualTo("加载2027年法定节假日安排");

    engine.getTaskService().complete(task.getId(),
        Map.of("scheduleJson", CalendarFixtures.schedule2027()));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId("scheduleImported").count()).isOne();
    assertThat(calendar.calendar().isPublished(2027)).isTrue();
    var moved = deadlines.get(clock.id());
    assertThat(moved.provisional()).isFalse();
    assertThat(moved.dueOn()).isEqualTo(clock.dueOn().plusDays(1));
  }

  /**
   * The application's connections compile no statement with PostgreSQL's JIT: the engine's task
   * counts are estimated above its thresholds, and compiling each cost more than running it (README,
   * Performance). The database's own default stays as it is.
   */
  @Test
  @Order(4)
  void theApplicationsConnectionsRunWithoutJit() {
    var applications = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
    assertThat(applications.queryForObject("select current_setting('jit')", String.class))
        .isEqualTo("off");
    assertThat(jdbc().queryForObject("select current_setting('jit')", String.class))
        .isEqualTo("on");
  }
}
