package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记录开工: construction started on the day the ledger holds ({@link ConstructionStarts} wrote it).
 * Stops the project's clock on that day and stores the working days used from land delisting,
 * pauses excluded, against the limit.
 */
@Component
public class RecordStartDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final StartRecorder recorder;

  public RecordStartDelegate(ProjectRepository projects, StartRecorder recorder) {
    this.projects = projects;
    this.recorder = recorder;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    execution.setVariable("workingDaysUsed", recorder.record(project));
  }
}
