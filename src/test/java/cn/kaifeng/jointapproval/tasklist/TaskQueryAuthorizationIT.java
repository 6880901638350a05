package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.support.SharedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The task and variable instance statements' grant checks answer what Camunda's own answer for
 * every kind of grant ({@link GrantMatrix}, {@link VariableGrantMatrix}) on PostgreSQL, where the check's SQL is planned differently than on H2
 * (index-only scans of changeset 018, hashed sub-plans).
 */
@ExtendWith(SharedPostgres.class)
class TaskQueryAuthorizationIT {

  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start(SharedPostgres.Database database) {
    app = database.startApplication();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyKindOfGrantShowsWhatCamundasJoinShows() {
    assertThat(new GrantMatrix(app.getBean(ProcessEngine.class)).compareEveryUser())
        .as("comparisons with visible tasks").isGreaterThan(100);
  }

  @Test
  void everyKindOfGrantShowsTheVariablesCamundasJoinShows() {
    assertThat(new VariableGrantMatrix(app.getBean(ProcessEngine.class)).compareEveryUser())
        .as("comparisons with visible variables").isGreaterThan(100);
  }
}
