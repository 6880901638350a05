package cn.kaifeng.jointapproval.support;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the reliability drills share: starting a node, waiting for the engine to go quiet. */
public final class Drills {

  private Drills() {
  }

  /**
   * Starts the application on PostgreSQL with its job executor, polling for due jobs every
   * fraction of a second instead of Camunda's idle minute so that the drills see the effects of a
   * moved clock or of a crash quickly.
   */
  public static ConfigurableApplicationContext startNode(String[] datasourceArgs, String... more) {
    List<String> args = new ArrayList<>(List.of(datasourceArgs));
    args.addAll(List.of("--server.port=0",
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(JointApprovalApplication.class)
        .profiles("postgres")
        .run(args.toArray(String[]::new));
  }

  /** Jobs due by the engine's clock that are still to run (history cleanup waits for its window). */
  public static int dueJobs(DataSource database) {
    return JdbcClient.create(database).sql("""
            select count(*) from act_ru_job
            where retries_ > 0 and suspension_state_ = 1 and handler_type_ <> 'history-cleanup'
              and (duedate_ is null or duedate_ <= :now)""")
        .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))
        .query(Integer.class).single();
  }

  /** Waits until no due job is left three polls in a row (a job may make the next one). */
  public static void awaitQuiet(DataSource database, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    int quietPolls = 0;
    while (quietPolls < 3) {
      if (System.nanoTime() > until) {
        throw new AssertionError("Jobs still due after " + timeout + ": " + dueJobs(database));
      }
      quietPolls = dueJobs(database) == 0 ? quietPolls + 1 : 0;
      sleep(200);
    }
  }

  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    long until = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      sleep(100);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
