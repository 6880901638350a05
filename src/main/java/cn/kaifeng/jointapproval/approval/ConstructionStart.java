package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineCalculator;
import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * For BPMN: when a ready project that has not started becomes 应开未开, e.g. the boundary timer
 * {@code ${constructionStart.expectedBy(execution)}}. Read from the ledger (the day the project
 * became ready), never from a variable.
 */
@Component("constructionStart")
@ModelExpressionBean
public class ConstructionStart {

  private final ProjectRepository projects;
  private final DeadlineCalculator calculator;
  private final int expectedWithinDays;

  public ConstructionStart(ProjectRepository projects, DeadlineCalculator calculator,
      ConstructionStartProperties properties) {
    this.projects = projects;
    this.calculator = calculator;
    this.expectedWithinDays = properties.startExpectedWithinDays();
  }

  /**
   * The start of the day after the N-th working day after readiness
   * ({@code jointapproval.approval.start-expected-within-days}), Beijing time.
   */
  public Date expectedBy(DelegateExecution execution) {
    var project = ProjectRef.of(execution, projects);
    return ChinaTime.startOf(
        calculator.dueDate(project.completedOn(), expectedWithinDays).plusDays(1));
  }

  int expectedWithinDays() {
    return expectedWithinDays;
  }
}
