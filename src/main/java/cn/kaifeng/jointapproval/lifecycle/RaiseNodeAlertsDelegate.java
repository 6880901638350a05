package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发现并发出预警: compares every project's plan in force with its facts ({@link Findings}) and
 * raises each new finding once ({@link Alerts#raise}); open ones stay as they are.
 */
@Component
public class RaiseNodeAlertsDelegate implements JavaDelegate {

  private final NodeFacts nodeFacts;
  private final ProjectRepository projects;
  private final PlanRepository plans;
  private final Findings findings;
  private final Alerts alerts;

  public RaiseNodeAlertsDelegate(NodeFacts nodeFacts, ProjectRepository projects,
      PlanRepository plans, Findings findings, Alerts alerts) {
    this.nodeFacts = nodeFacts;
    this.projects = projects;
    this.plans = plans;
    this.findings = findings;
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = ChinaTime.today();
    int raised = 0;
    for (String code : nodeFacts.allProjects()) {
      var project = projects.get(code);
      for (var finding : findings.of(project, nodeFacts.of(code), plans.current(code, today),
          today)) {
        if (alerts.raise(project, finding)) {
          raised++;
        }
      }
    }
    execution.setVariable("alertsRaised", raised);
  }
}
