package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The construction start (开工) that {@link NodeReports} checked: the date goes into the ledger,
 * then the message {@code ProjectStarted} wakes the project's own process instance (by its id from
 * the ledger), whose step 记录开工 stops the clock and records the node. One transaction with the
 * report.
 */
@Component
public class ConstructionStarts {

  public static final String MESSAGE = "ProjectStarted";

  private final ProjectRepository projects;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final StartRecorder recorder;

  public ConstructionStarts(ProjectRepository projects, RuntimeService runtimeService,
      IdentityService identityService, StartRecorder recorder) {
    this.recorder = recorder;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  void start(Project project, LocalDate on, String userId) {
    projects.reportStart(project.code(), on, userId);
    boolean waiting = project.processInstanceId() != null && runtimeService.createExecutionQuery()
        .processInstanceId(project.processInstanceId()).activityId("awaitStart").count() > 0;
    if (!waiting) {
      // Ready before the clock counted to the start: that model version ended at readiness, so
      // no instance waits; the start is recorded the same way, without one.
      recorder.record(projects.get(project.code()));
      return;
    }
    // Our own call, not the user's: the engine's trust boundary lets only the application itself
    // correlate messages. The instance comes from the ledger, never from the request.
    var previous = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceId(project.processInstanceId())
          .correlateWithResult();
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      }
    }
  }
}
