package cn.kaifeng.jointapproval.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.support.Drills;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import cn.kaifeng.jointapproval.support.TestSmtp;
import cn.kaifeng.jointapproval.tasklist.TasklistFilterInitializer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL, as docker/compose.yaml runs them (two Spring contexts
 * in this JVM, each with its own pool, engine and job executor; they share only the database and
 * the engine clock, which the drill moves). Started at the same moment, they create the start-up
 * data once; under registrations and completions on both, and with the clock moved over six
 * weeks, every timer fires once and every mail is sent once; and when node B dies in the middle of
 * completions, node A takes over B's locked jobs after the lock time and every completed item is
 * recorded once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPostgres.class)
class TwoNodesIT {

  /** The drill's job lock (production: 2 minutes): short, so that the takeover is quick to see. */
  private static final int LOCK_MILLIS = 10_000;
  private static final int SMTP_PORT = TestSmtp.freePort();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

  private static DataSource database;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startBothAtOnce(SharedPostgres.Database empty) throws Exception {
    database = empty.dataSource();
    // Two applications in one JVM share logback's one context: started at the same moment, each
    // resets it while the other configures it ("Unable to find Spring Environment in logger
    // context", seen once in verify). Separate JVMs in production do not share it; here the nodes
    // leave logging as the JVM has it, so that only what the drill is about runs concurrently.
    String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    try {
      startNodes(empty);
    } finally {
      if (loggingSystem == null) {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
      } else {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
      }
    }
  }

  private static void startNodes(SharedPostgres.Database empty) throws Exception {
    var start = new CyclicBarrier(2);
    ExecutorService starter = Executors.newFixedThreadPool(2);
    long began = System.nanoTime();
    Future<ConfigurableApplicationContext> a = starter.submit(() -> {
      start.await();
      return node(empty, "node-a");
    });
    Future<ConfigurableApplicationContext> b = starter.submit(() -> {
      start.await();
      // B executes one job at a time from batches of ten: at any moment it holds jobs locked
      // that it has not run yet, as a busy node does, which the crash below leaves behind.
      return node(empty, "node-b", "--camunda.bpm.job-execution.core-pool-size=1",
          "--camunda.bpm.job-execution.max-pool-size=1",
          "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
          "--camunda.bpm.job-execution.queue-capacity=20");
    });
    nodeA = a.get();
    nodeB = b.get();
    starter.shutdown();
    System.out.printf("[reliability] two nodes started together in %.1f s%n",
        (System.nanoTime() - began) / 1e9);
  }

  private static ConfigurableApplicationContext node(SharedPostgres.Database db, String name,
      String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.mail.host=localhost", "--spring.mail.port=" + SMTP_PORT,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        // Who ran a job, in act_hi_job_log; who holds a connection, in pg_stat_activity.
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name));
    args.addAll(List.of(more));
    return Drills.startNode(db.springArgs(), args.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close(); // after a kill, its pool stays closed: nothing of B reaches the database
    }
  }

  private static JdbcClient jdbc() {
    return JdbcClient.create(database);
  }

  private static int count(String sql) {
    return jdbc().sql(sql).query(Integer.class).single();
  }

  @Test
  @Order(1)
  void startUpDataExistsOnceAfterBothStartedTogether() throws Exception {
    assertStartUpDataOnce("after the simultaneous start");

    // The narrowest race: both nodes' filter set-up at the same instant, on an empty filter table.
    var filtersA = nodeA.getBean(TasklistFilterInitializer.class);
    var filtersB = nodeB.getBean(TasklistFilterInitializer.class);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int rounds = 5;
    for (int round = 0; round < rounds; round++) {
      var filterService = nodeA.getBean(FilterService.class);
      filterService.createFilterQuery().list().forEach(f -> filterService.deleteFilter(f.getId()));
      var barrier = new CyclicBarrier(2);
      var a = pool.submit(() -> {
        barrier.await();
        filtersA.run(new DefaultApplicationArguments());
        return null;
      });
      var b = pool.submit(() -> {
        barrier.await();
        filtersB.run(new DefaultApplicationArguments());
        return null;
      });
      a.get();
      b.get();
      assertStartUpDataOnce("after round " + (round + 1) + " of simultaneous filter set-up");
    }
    pool.shutdown();
    System.out.printf("[reliability] start-up data: %d filters, %d groups, %d users, "
            + "%d authorizations, %d deployment(s); %d simultaneous filter set-ups, no duplicate%n",
        count("select count(*) from act_ru_filter"), count("select count(*) from act_id_group"),
        count("select count(*) from act_id_user"),
        count("select count(*) from act_ru_authorization"),
        count("select count(*) from act_re_deployment"), rounds);
  }

  private void assertStartUpDataOnce(String when) {
    assertThat(count("select count(*) from act_ru_filter")).as("filters " + when)
        .isEqualTo(TasklistFilterInitializer.FILTERS.size());
    assertThat(count("select count(distinct name_) from act_ru_filter")).as("filter names " + when)
        .isEqualTo(TasklistFilterInitializer.FILTERS.size());
    assertThat(count("""
        select count(*) from (select type_, group_id_, user_id_, resource_type_, resource_id_
          from act_ru_authorization group by type_, group_id_, user_id_, resource_type_,
          resource_id_ having count(*) > 1) twice""")).as("duplicate authorizations " + when)
        .isZero();
    assertThat(count("select count(*) from act_id_group")).as("groups").isEqualTo(29);
    assertThat(count("select count(*) from act_id_user")).as("users").isEqualTo(32);
    assertThat(count("select count(*) from act_re_deployment")).as("deployments").isOne();
    // One timer per scheduled process (daily digest, weekly meeting, monthly reports...).
    assertThat(count("""
        select count(*) from (select j.process_def_key_ from act_ru_job j
          where j.handler_type_ = 'timer-start-event' group by j.process_def_key_
          having count(*) > 1) twice""")).as("duplicate start timers " + when).isZero();
  }

  @Test
  @Order(2)
  void underLoadOnBothNodesEveryTimerFiresOnceAndEveryMailIsSentOnce() throws Exception {
    List<ConfigurableApplicationContext> nodes = List.of(nodeA, nodeB);
    long began = System.nanoTime();
    List<String> codes = registerOnBothNodes(nodes, 4);
    // Officers complete half of the open items, on both nodes at once.
    var tasks = nodeA.getBean(TaskService.class).createTaskQuery()
        .taskDefinitionKey("reviewItem").list();
    var completed = completeOnBothNodes(nodes, tasks.subList(0, tasks.size() / 2));
    Drills.awaitQuiet(database, Duration.ofSeconds(60));

    // Six weeks pass a week at a time: the other items turn yellow and red and escalate, the
    // weekly meeting, report and assignment, the daily digest and alerts and the monthly
    // investment request come due, each on both nodes' job executors at once.
    long offset = 0;
    for (int week = 1; week <= 6; week++) {
      offset += Duration.ofDays(7).toMillis();
      ClockUtil.offset(offset);
      Drills.awaitQuiet(database, Duration.ofSeconds(90));
    }
    double seconds = (System.nanoTime() - began) / 1e9;

    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null"))
        .as("failing jobs").isZero();
    // Every job ran to success once: no job (timer, continuation or mail) twice. (The history
    // cleanup job is Camunda's one job that is meant to run again: it reschedules itself.)
    assertThat(count("""
        select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2
          and job_id_ not in (select id_ from act_ru_job where handler_type_ = 'history-cleanup')
          group by job_id_ having count(*) > 1) twice""")).as("jobs run twice").isZero();
    // A boundary timer fires once per waiting task; a scheduled process once per occurrence.
    assertThat(count("""
        select count(*) from (select proc_inst_id_, act_id_ from act_hi_actinst
          where act_type_ in ('boundaryTimer', 'intermediateTimer')
          group by proc_inst_id_, act_id_ having count(*) > 1) twice""")).as("timers twice")
        .isZero();
    assertThat(count("""
        select count(*) from (select job_def_id_, job_duedate_ from act_hi_job_log
          where job_state_ = 2 and job_def_type_ = 'timer-start-event'
          group by job_def_id_, job_duedate_ having count(*) > 1) twice"""))
        .as("scheduled processes started twice for one occurrence").isZero();
    // The approved items are in the ledger once each.
    assertThat(count("""
        select count(*) from (select project_code, item_code from project_event
          where event = 'ITEM_APPROVED' group by project_code, item_code
          having count(*) > 1) twice""")).as("items recorded twice").isZero();
    assertThat(count("select count(*) from project_event where event = 'ITEM_APPROVED'"))
        .isEqualTo(completed);

    Map<String, Integer> fired = new TreeMap<>();
    jdbc().sql("""
            select process_def_key_ || '.' || act_id_ as kind, count(*) as n
            from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'
            group by process_def_key_, act_id_""")
        .query((rs, i) -> fired.put(rs.getString("kind"), rs.getInt("n"))).list();
    Map<String, Integer> byNode = new TreeMap<>();
    jdbc().sql("select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2 "
            + "group by hostname_")
        .query((rs, i) -> byNode.put(rs.getString("hostname_"), rs.getInt("n"))).list();
    assertThat(byNode).as("both nodes ran jobs").containsKeys("node-a", "node-b");
    assertThat(fired).as("timers that fired").containsKeys("approval-item.itemYellow",
        "approval-item.itemRed", "approval-item.itemEscalation", "daily-digest.everyMorning",
        "weekly-report.everyMonday", "weekly-assignment.listCloses",
        "monthly-investment.everyMorning", "project-alerts.everyDay");

    int mails = assertEveryMailSentOnce();
    System.out.printf("[reliability] two nodes, %d projects, %d completions, 6 weeks of timers "
            + "in %.1f s: jobs run by node %s; timers fired %s; %d mails, each once%n",
        codes.size(), completed, seconds, byNode, fired, mails);
  }

  @Test
  @Order(3)
  void aKilledNodesLockedJobsAreTakenOverAndEveryCompletionIsRecordedOnce() throws Exception {
    ClockUtil.reset(); // locks expire in real time from here on
    List<ConfigurableApplicationContext> nodes = List.of(nodeA, nodeB);
    registerOnBothNodes(nodes, 4);
    var tasks = nodeA.getBean(TaskService.class).createTaskQuery()
        .taskDefinitionKey("reviewItem").list();
    String ownerB = nodeB.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor()
        .getLockOwner();
    String lockedByB = "select id_ from act_ru_job where lock_owner_ = '" + ownerB + "'";

    // Officers complete every open item on both nodes; B dies as soon as it holds jobs locked.
    ExecutorService officers = Executors.newCachedThreadPool(daemon());
    var completing = officers.submit(() -> completeOnBothNodes(nodes, tasks));
    Drills.await("node B holds jobs locked", Duration.ofSeconds(60),
        () -> !jdbc().sql(lockedByB).query(String.class).list().isEmpty());
    long killedAt = System.nanoTime();
    List<String> orphaned = kill(nodeB);
    assertThat(orphaned).as("jobs node B held when it died").isNotEmpty();

    // A takes B's jobs once their lock expires, while the officers go on (B's share on A).
    String stillThere = "select count(*) from act_ru_job where id_ in ('"
        + String.join("','", orphaned) + "')";
    Drills.await("node A ran node B's jobs", Duration.ofSeconds(LOCK_MILLIS / 1000 + 60),
        () -> count(stillThere) == 0);
    double recovered = (System.nanoTime() - killedAt) / 1e9;
    int completed = completing.get(120, TimeUnit.SECONDS);
    officers.shutdownNow();
    Drills.awaitQuiet(database, Duration.ofSeconds(60));

    assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    assertThat(count("select count(*) from act_ru_job where lock_owner_ = '" + ownerB + "'"))
        .as("jobs still locked by the dead node").isZero();
    assertThat(count("""
        select count(*) from (select project_code, item_code from project_event
          where event = 'ITEM_APPROVED' group by project_code, item_code
          having count(*) > 1) twice""")).as("items recorded twice").isZero();
    int approvedTasks = count("select count(*) from act_hi_taskinst where task_def_key_ = "
        + "'reviewItem' and delete_reason_ = 'completed'");
    assertThat(count("select count(*) from project_event where event = 'ITEM_APPROVED'"))
        .as("every completed item recorded").isEqualTo(approvedTasks);
    assertThat(count("select count(*) from project_item where status = 'APPROVED'"))
        .isEqualTo(approvedTasks);
    System.out.printf("[reliability] node B killed holding %d locked jobs during %d "
            + "completions; node A ran them %.1f s after the kill (lock time %.0f s); "
            + "%d items recorded once each%n",
        orphaned.size(), completed, recovered, LOCK_MILLIS / 1000.0, approvedTasks);
  }

  /**
   * Node B dies as a killed JVM does for the database: its pool is closed for good, aborting the
   * connections in use, and PostgreSQL ends whatever sessions B still had, rolling back what they
   * had begun. Nothing in B unlocks its jobs (no engine shutdown runs). Returns the jobs B held.
   */
  private static List<String> kill(ConfigurableApplicationContext node) throws Exception {
    var pool = (HikariDataSource) node.getBean(DataSource.class);
    String owner = node.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor()
        .getLockOwner();
    var closing = new Thread(pool::close);
    closing.start();
    jdbc().sql("select pg_terminate_backend(pid) from pg_stat_activity "
        + "where application_name = 'node-b'").query(Boolean.class).list();
    closing.join(20_000);
    return jdbc().sql("select id_ from act_ru_job where lock_owner_ = :owner")
        .param("owner", owner).query(String.class).list();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      var thread = new Thread(runnable);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static List<String> registerOnBothNodes(List<ConfigurableApplicationContext> nodes,
      int projects) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    List<Future<String>> registered = new ArrayList<>();
    for (int i = 0; i < projects; i++) {
      var node = nodes.get(i % nodes.size());
      registered.add(pool.submit(() -> node.getBean(ProjectRegistrationService.class).register(
          ProjectFixtures.body(ProjectFixtures.newCode("TWO"),
              ChinaTime.today().minusDays(3).toString()),
          "keyoffice", List.of("key-projects-office"))));
    }
    List<String> codes = new ArrayList<>();
    for (var future : registered) {
      codes.add(future.get());
    }
    pool.shutdown();
    return codes;
  }

  /**
   * Completes the tasks alternately on each node from several threads. A call to a node that does
   * not answer within ten seconds is sent to the other node, as a load balancer does; a task
   * found completed there was completed by the first call. Returns the tasks completed.
   */
  private static int completeOnBothNodes(List<ConfigurableApplicationContext> nodes,
      List<Task> tasks) throws Exception {
    ExecutorService calls = Executors.newCachedThreadPool(daemon());
    ExecutorService officers = Executors.newFixedThreadPool(4, daemon());
    var done = new AtomicInteger();
    Set<String> failed = ConcurrentHashMap.newKeySet();
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      var task = tasks.get(i);
      int first = i % nodes.size();
      work.add(officers.submit(() -> {
        for (int attempt = 0; attempt < nodes.size(); attempt++) {
          var node = nodes.get((first + attempt) % nodes.size());
          Future<?> call = calls.submit(() -> node.getBean(TaskService.class).complete(
              task.getId(), new HashMap<>(Map.of("outcome", "APPROVED", "opinion", "同意"))));
          try {
            call.get(10, TimeUnit.SECONDS);
            done.incrementAndGet();
            return;
          } catch (Exception e) {
            call.cancel(true);
            var other = nodes.get((first + attempt + 1) % nodes.size());
            if (attempt == 0 && other.getBean(TaskService.class).createTaskQuery()
                .taskId(task.getId()).count() == 0) {
              done.incrementAndGet(); // the first call completed it and its answer was lost
              return;
            }
          }
        }
        failed.add(task.getId());
      }));
    }
    for (var future : work) {
      future.get();
    }
    officers.shutdown();
    calls.shutdown();
    assertThat(failed).as("tasks no node could complete").isEmpty();
    return done.get();
  }

  /** Every mail sent reached SMTP once: one copy per recipient of one Message-ID. */
  private static int assertEveryMailSentOnce() throws MessagingException {
    Map<String, Integer> copies = new HashMap<>();
    Map<String, Integer> recipients = new HashMap<>();
    for (var message : smtp.getReceivedMessages()) {
      copies.merge(message.getMessageID(), 1, Integer::sum);
      recipients.put(message.getMessageID(), TestSmtp.recipients(message).size());
    }
    copies.forEach((id, n) -> assertThat(n).as("copies of " + id).isEqualTo(recipients.get(id)));
    var ended = jdbc().sql("select message_id from mail_outbox where message_id is not null")
        .query(String.class).list();
    assertThat(count("select count(*) from mail_outbox where sent_at is null"))
        .as("mails waiting").isZero();
    assertThat(copies.keySet()).as("mails received").containsExactlyInAnyOrderElementsOf(ended);
    return copies.size();
  }
}
