package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 准备月度填报: what the task and its form show (display only, no step reads it back): the
 * project, the month, the due date, the year's plan and what was completed so far.
 */
@Component
public class PrepareInvestmentReportDelegate implements JavaDelegate {

  private final InvestmentRepository repository;
  private final ProjectRepository projects;
  private final DeadlineService deadlines;
  private final InvestmentViews investments;

  public PrepareInvestmentReportDelegate(InvestmentRepository repository,
      ProjectRepository projects, DeadlineService deadlines, InvestmentViews investments) {
    this.repository = repository;
    this.projects = projects;
    this.deadlines = deadlines;
    this.investments = investments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var request = ReportRequestRef.of(execution.getProcessInstanceId(), repository);
    var project = projects.get(request.projectCode());
    var summary = investments.of(project.code(), request.month().getYear());
    execution.setVariable("projectCode", project.code());
    execution.setVariable("projectName", project.name());
    execution.setVariable("countyName", project.county().displayName());
    execution.setVariable("reportMonth", request.reportMonth());
    execution.setVariable("dueOn", deadlines.get(request.deadlineId()).dueOn().toString());
    execution.setVariable("plannedInvestment", summary.planned() == null ? "未制定"
        : summary.planned().stripTrailingZeros().toPlainString() + " 万元");
    execution.setVariable("completedInvestment",
        summary.completed().stripTrailingZeros().toPlainString() + " 万元");
  }
}
