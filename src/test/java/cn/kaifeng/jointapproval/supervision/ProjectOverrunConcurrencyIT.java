package cn.kaifeng.jointapproval.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.notify.MailBatchJobHandler;
import cn.kaifeng.jointapproval.project.Light;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.project.ProjectStatus;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import cn.kaifeng.jointapproval.support.FirstStage;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.QueuedMails;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15, point 5, "once" under concurrency, on PostgreSQL: two timers 项目超期 of the same
 * project (as two engine nodes would run them) fire at the same moment. A third connection holds
 * the project's row until both jobs wait for it, so the two transactions really meet; afterwards
 * the project has one red line, one escalation line, one mail request and one supervision case
 * per responsible unit.
 */
@ExtendWith(SharedPostgres.class)
class ProjectOverrunConcurrencyIT {

  private static ConfigurableApplicationContext app;
  private static SharedPostgres.Database database;

  @BeforeAll
  static void start(SharedPostgres.Database db) {
    database = db;
    // The test runs the jobs itself, from two threads at once.
    app = db.startApplication();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void twoOverrunTimersOfOneProjectFiringAtOnceEscalateItOnce() throws Exception {
    var runtimeService = app.getBean(RuntimeService.class);
    var managementService = app.getBean(ManagementService.class);
    var taskService = app.getBean(TaskService.class);
    var historyService = app.getBean(HistoryService.class);
    var views = app.getBean(ProjectViews.class);
    var ledger = app.getBean(ProjectLedger.class);
    var cases = app.getBean(SupervisionCaseRepository.class);

    // Delisted more than a year ago: past its 80 working days from the start.
    String code = ProjectFixtures.newCode("RACE");
    var project = views.of(app.getBean(ProjectRegistrationService.class).register(
        ProjectFixtures.body(code, ChinaTime.today().minusDays(400).toString()),
        "keyoffice", List.of("key-projects-office")));
    FirstStage.open(app, code);
    String parent = project.processInstanceId();
    approveEverything(code, taskService, managementService);
    assertThat(views.of(code).status()).isEqualTo(ProjectStatus.READY_FOR_CONSTRUCTION);
    // A second token waits for the start: two timers 项目超期 on 等待开工, both due now.
    runtimeService.createProcessInstanceModification(parent).startBeforeActivity("awaitStart")
        .execute();
    List<Job> timers = managementService.createJobQuery().processInstanceId(parent)
        .activityId("projectRedWhileWaiting").executable().list();
    assertThat(timers).hasSize(2);

    var failures = race(code, timers.stream()
        .<Runnable>map(job -> () -> managementService.executeJob(job.getId())).toList());
    // The engine may refuse the second job's change of the instance (a concurrent modification):
    // that job is retried by the job executor; any other failure is a fault.
    failures.forEach(e -> System.out.println("Concurrent overrun job refused: " + e));
    assertThat(failures)
        .allSatisfy(e -> assertThat(e).isInstanceOf(OptimisticLockingException.class));
    assertThat(failures.size()).isLessThan(timers.size());
    // The retry, or a timer firing once more: still nothing more.
    for (var job : managementService.createJobQuery().processInstanceId(parent)
        .activityId("projectRedWhileWaiting").list()) {
      managementService.executeJob(job.getId());
    }

    var after = views.of(code);
    assertThat(after.light()).isEqualTo(Light.RED);
    var history = ledger.of(code);
    assertThat(history).filteredOn(e -> e.event().equals(EscalateProjectOverrunDelegate.EVENT))
        .hasSize(1);
    assertThat(history).filteredOn(e -> e.event().equals("PROJECT_RED")).hasSize(1);
    assertThat(history).filteredOn(e -> e.event().equals("CASE_OPENED")).hasSize(1);
    assertThat(cases.ofProject(code)).singleElement().satisfies(c -> {
      assertThat(c.responsibleUnit()).isEqualTo("county-lankao");
      assertThat(c.matterId()).isNull();
    });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
    assertThat(overrunMails(historyService, code)).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(parent).count()).isZero();
  }

  /**
   * The step 项目超期督办 itself, for the project's own instance, in two engine transactions at
   * once that touch no common engine row: the engine's optimistic locking cannot refuse either,
   * so only the project's row lock and {@code overrun_escalated_on} keep it to once. Both commit.
   */
  @Test
  void theEscalationStepInTwoTransactionsAtOnceEscalatesOnceAndBothCommit() throws Exception {
    var runtimeService = app.getBean(RuntimeService.class);
    var historyService = app.getBean(HistoryService.class);
    var views = app.getBean(ProjectViews.class);
    var ledger = app.getBean(ProjectLedger.class);
    var cases = app.getBean(SupervisionCaseRepository.class);
    var delegate = app.getBean(EscalateProjectOverrunDelegate.class);
    var engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
        .getProcessEngineConfiguration();

    String code = ProjectFixtures.newCode("RACE");
    var project = views.of(app.getBean(ProjectRegistrationService.class).register(
        ProjectFixtures.body(code, ChinaTime.today().minusDays(400).toString()),
        "keyoffice", List.of("key-projects-office")));
    FirstStage.open(app, code);
    String parent = project.processInstanceId();
    Command<Void> step = context -> {
      var execution = context.getExecutionManager().findExecutionById(parent);
      try {
        delegate.execute(execution);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return null;
    };

    var failures = race(code, List.of(
        () -> engine.getCommandExecutorTxRequired().execute(step),
        () -> engine.getCommandExecutorTxRequired().execute(step)));

    assertThat(failures).isEmpty();
    assertThat(ledger.of(code))
        .filteredOn(e -> e.event().equals(EscalateProjectOverrunDelegate.EVENT)).hasSize(1);
    assertThat(ledger.of(code)).filteredOn(e -> e.event().equals("CASE_OPENED")).hasSize(1);
    assertThat(cases.ofProject(code)).singleElement()
        .satisfies(c -> assertThat(c.responsibleUnit()).isEqualTo("county-lankao"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
    assertThat(overrunMails(historyService, code)).isEqualTo(1);
  }

  /**
   * Runs {@code steps} at once while a third connection holds the project's row; lets it go only
   * when every step's transaction waits for it, so that they really meet. Answers what they threw.
   */
  private static List<Throwable> race(String code, List<Runnable> steps) throws Exception {
    var failures = new ConcurrentLinkedQueue<Throwable>();
    ExecutorService pool = Executors.newFixedThreadPool(steps.size());
    List<Future<?>> done = new ArrayList<>();
    try (Connection holder = database.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (var lock = holder.prepareStatement(
          "select code from project where code = ? for update")) {
        lock.setString(1, code);
        lock.executeQuery().close();
      }
      for (var step : steps) {
        done.add(pool.submit(() -> {
          try {
            step.run();
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      awaitWaitingSessions(steps.size());
      holder.commit();
    } finally {
      for (var future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    return List.copyOf(failures);
  }

  /** Overrun mails queued for the project: rows of the mail outbox with the template. */
  private static long overrunMails(HistoryService historyService, String code) {
    return QueuedMails.count(database.dataSource(), code, EscalateProjectOverrunDelegate.TEMPLATE);
  }

  /** Waits until {@code count} sessions of the test's database wait for a lock. */
  private static void awaitWaitingSessions(int count) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    try (var watcher = database.dataSource().getConnection();
        var query = watcher.prepareStatement("""
            select count(*) from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'""")) {
      while (true) {
        try (var rs = query.executeQuery()) {
          rs.next();
          if (rs.getInt(1) >= count) {
            return;
          }
        }
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError(count + " transactions never waited for the project's row");
        }
        Thread.sleep(50);
      }
    }
  }

  /** Approves every open item, stage by stage, running the continuations (not the timers). */
  private static void approveEverything(String code, TaskService taskService,
      ManagementService managementService) {
    List<org.camunda.bpm.engine.task.Task> open;
    while (!(open = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("reviewItem").list()).isEmpty()) {
      for (var task : open) {
        taskService.complete(task.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
      }
      // The mail jobs stay queued: no SMTP server here, and the test counts the mails queued.
      List<Job> jobs;
      while (!(jobs = managementService.createJobQuery().messages().executable().list().stream()
          .filter(job -> !MailBatchJobHandler.TYPE.equals(job.getProcessDefinitionKey()))
          .toList()).isEmpty()) {
        jobs.forEach(job -> managementService.executeJob(job.getId()));
      }
    }
  }
}
