package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works a monthly report task, for BPMN ({@code investmentTasks}): the project's named chief
 * service officer as assignee, the county's officers as candidates so that a colleague can take
 * over; the project is the one bound to the instance in the ledger.
 */
@Component("investmentTasks")
@ModelExpressionBean
public class InvestmentTasks {

  private final InvestmentRepository repository;
  private final ProjectRepository projects;
  private final Responsibles responsibles;

  public InvestmentTasks(InvestmentRepository repository, ProjectRepository projects,
      Responsibles responsibles) {
    this.repository = repository;
    this.projects = projects;
    this.responsibles = responsibles;
  }

  /** The named chief service officer, or null (nobody assigned) when the ledger holds a name. */
  public String assignee(DelegateExecution execution) {
    return responsibles.chiefServiceOfficer(project(execution)).orElse(null);
  }

  public String county(DelegateExecution execution) {
    return project(execution).county().group();
  }

  private cn.kaifeng.jointapproval.project.Project project(DelegateExecution execution) {
    return projects.get(ReportRequestRef.of(execution.getProcessInstanceId(), repository)
        .projectCode());
  }
}
