package cn.kaifeng.jointapproval.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * Open tasks of one section in bulk for the plan tests: the benchmark's load process
 * ({@code bench/bench-section-load.bpmn}, candidate group and due date only, nothing else),
 * deployed by the test, started in batches of 500 tasks, each due in ten days.
 */
public final class SectionLoad {

  private SectionLoad() {}

  public static void open(ApplicationContext app, String section, int tasks) {
    app.getBean(RepositoryService.class).createDeployment().name("section-load")
        .addClasspathResource("bench/bench-section-load.bpmn").deploy();
    var runtime = app.getBean(RuntimeService.class);
    Date due = Date.from(Instant.now().plus(10, ChronoUnit.DAYS));
    for (int started = 0; started < tasks; started += 500) {
      runtime.startProcessInstanceByKey("bench-section-load", Map.of("section", section,
          "count", Math.min(500, tasks - started), "dueOn", due, "followUpOn", due));
    }
  }
}
