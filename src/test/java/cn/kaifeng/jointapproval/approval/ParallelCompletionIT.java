package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import cn.kaifeng.jointapproval.support.SharedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Twelve officers approve the twelve sibling items of one stage at the same moment, on PostgreSQL
 * with the job executor running: every completion succeeds, and the joins behind them (the
 * parallel multi-instance in the parent process) finish without an incident.
 */
@ExtendWith(SharedPostgres.class)
class ParallelCompletionIT {

  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = new SpringApplicationBuilder(JointApprovalApplication.class)
        .profiles("postgres")
        .run(database.springArgs("--server.port=0"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void twelveSiblingItemsCompletedFromTwelveThreadsAllSucceed() throws Exception {
    var registration = app.getBean(ProjectRegistrationService.class);
    var views = app.getBean(ProjectViews.class);
    var taskService = app.getBean(TaskService.class);
    var runtimeService = app.getBean(RuntimeService.class);
    var managementService = app.getBean(ManagementService.class);

    var code = ProjectFixtures.newCode("PAR");
    var project = views.of(registration.register(ProjectFixtures.everything(
            ProjectFixtures.body(code, ChinaTime.today().minusDays(7).toString())),
        "keyoffice", List.of("key-projects-office")));
    var firstStage = project.items().stream().filter(i -> i.stage() == 1).toList();
    assertThat(firstStage).hasSize(12);
    // The job executor opens the first stage right after the registration commits.
    long opened = System.currentTimeMillis() + 60_000;
    while (taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("reviewItem").count() < 12 && System.currentTimeMillis() < opened) {
      Thread.sleep(100);
    }
    var tasks = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("reviewItem").list();
    assertThat(tasks).hasSize(12);

    var barrier = new CyclicBarrier(tasks.size());
    var failures = new ConcurrentLinkedQueue<Throwable>();
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    List<Future<?>> done = new ArrayList<>();
    long started = System.nanoTime();
    for (var task : tasks) {
      done.add(pool.submit(() -> {
        try {
          barrier.await();
          taskService.complete(task.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    for (var future : done) {
      future.get();
    }
    pool.shutdown();
    long completedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(failures).as("errors the officers saw").isEmpty();

    // The continuations run on the job executor; wait for the stage to close.
    long deadline = System.currentTimeMillis() + 120_000;
    ProjectView view = views.of(code);
    while (System.currentTimeMillis() < deadline && view.items().stream()
        .filter(i -> i.stage() == 2).anyMatch(i -> i.status() == ItemStatus.PLANNED)) {
      Thread.sleep(200);
      view = views.of(code);
    }
    long joinedMs = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("12 parallel completions: %d ms; stage joined after %d ms%n",
        completedMs, joinedMs);

    assertThat(view.items().stream().filter(i -> i.stage() == 1))
        .allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.APPROVED));
    assertThat(view.items().stream().filter(i -> i.stage() == 2))
        .allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.OPEN));
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    assertThat(managementService.createJobQuery().withException().count()).isZero();
    assertThat(runtimeService.getActiveActivityIds(project.processInstanceId()))
        .contains("worksPermits");
  }
}
