package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.NamedOfficer;
import cn.kaifeng.jointapproval.project.ProjectRepository;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What {@code problem}'s model asks the ledger ({@code problemTasks}): the responsible unit of
 * the instance's problem, the named chief service officer as assignee when that unit is the
 * project's own county (the county group stays candidate), and its status to route on after the
 * weekly assignment.
 */
@Component("problemTasks")
@ModelExpressionBean
public class ProblemTasks {

  private final ProblemRepository problems;
  private final ProjectRepository projects;
  private final NamedOfficer namedOfficer;

  public ProblemTasks(ProblemRepository problems, ProjectRepository projects,
      NamedOfficer namedOfficer) {
    this.problems = problems;
    this.projects = projects;
    this.namedOfficer = namedOfficer;
  }

  /** {@code null} (the group only) for any other unit or an officer who is not a user of it. */
  public String chiefServiceOfficer(DelegateExecution execution) {
    var problem = ProblemRef.of(execution.getProcessInstanceId(), problems);
    var project = projects.get(problem.projectCode());
    return namedOfficer.of(project, problem.responsibleUnit());
  }

  public String unit(DelegateExecution execution) {
    return ProblemRef.of(execution.getProcessInstanceId(), problems).responsibleUnit();
  }

  public String status(DelegateExecution execution) {
    return ProblemRef.of(execution.getProcessInstanceId(), problems).status().name();
  }
}
