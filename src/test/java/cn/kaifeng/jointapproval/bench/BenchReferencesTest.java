package cn.kaifeng.jointapproval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every shape of the benchmark's bare reference ({@code -Dbench.reference}) is the same process
 * to the officers: the same sections' tasks stage by stage (the benchmark's officers complete
 * exactly these), and the instance ends after the last one. A shape that asked other sections or
 * another number of tasks would compare the joint approval with a different workload. On an
 * in-memory engine of its own (not the application's), with the jobs run by hand.
 */
class BenchReferencesTest {

  static final List<String> REFERENCES = JointApprovalBench.REFERENCES;

  @ParameterizedTest(name = "-Dbench.reference={0}")
  @FieldSource("REFERENCES")
  void eachShapeAsksTheSameSectionsStageByStageAndEnds(String reference) {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("bench-reference-" + reference);
    configuration.setJdbcUrl("jdbc:h2:mem:bench-reference-" + reference + ";DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment()
          .addClasspathResource(JointApprovalBench.referenceResource(reference))
          .addClasspathResource("bench/bench-item.bpmn")
          .deploy();
      var instance = engine.getRuntimeService()
          .startProcessInstanceByKey("bench-reference", "BR-1");
      var tasks = engine.getTaskService();
      for (List<String> stage : JointApprovalBench.BARE_STAGES) {
        runDueJobs(engine);
        var open = tasks.createTaskQuery().processInstanceBusinessKey("BR-1").list();
        List<String> groups = new ArrayList<>();
        open.forEach(task -> tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .forEach(link -> groups.add(link.getGroupId())));
        assertThat(groups).as("the candidate groups of stage %s", stage)
            .containsExactlyInAnyOrderElementsOf(
                stage.stream().map(section -> "approval-" + section).toList());
        open.forEach(task -> tasks.complete(task.getId()));
      }
      runDueJobs(engine);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instance.getId()).count()).as("the instance has ended").isZero();
      assertThat(tasks.createTaskQuery().count()).isZero();
    } finally {
      engine.close();
    }
  }

  /** The continuations the job executor would run (the shapes' timers are due in 2099). */
  private static void runDueJobs(ProcessEngine engine) {
    var management = engine.getManagementService();
    List<Job> due;
    while (!(due = management.createJobQuery().executable().list()).isEmpty()) {
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
