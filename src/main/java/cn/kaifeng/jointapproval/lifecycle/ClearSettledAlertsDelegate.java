package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 解除已消除的预警: clears every open alert whose fact has arrived (its node reached) or whose
 * finding no longer holds (the plan moved the date), each with a line in the project's history.
 */
@Component
public class ClearSettledAlertsDelegate implements JavaDelegate {

  private final AlertRepository repository;
  private final NodeFacts nodeFacts;
  private final ProjectRepository projects;
  private final PlanRepository plans;
  private final Findings findings;
  private final Alerts alerts;

  public ClearSettledAlertsDelegate(AlertRepository repository, NodeFacts nodeFacts,
      ProjectRepository projects, PlanRepository plans, Findings findings, Alerts alerts) {
    this.repository = repository;
    this.nodeFacts = nodeFacts;
    this.projects = projects;
    this.plans = plans;
    this.findings = findings;
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = ChinaTime.today();
    int cleared = 0;
    for (var alert : repository.allOpen()) {
      var project = projects.get(alert.projectCode());
      var reached = nodeFacts.of(alert.projectCode());
      if (alert.node() != null && reached.reached(alert.node())) {
        var on = reached.dateOf(alert.node());
        alerts.clear(alert, "项目已" + (on == null ? "" : "于 " + on) + "到达"
            + alert.node().displayName() + "节点");
        cleared++;
        continue;
      }
      boolean holds = findings.of(project, reached, plans.current(alert.projectCode(), today),
          today).stream().anyMatch(f -> alert.sameFinding(f.kind(), f.node()));
      if (!holds) {
        alerts.clear(alert, "节点计划调整后不再滞后");
        cleared++;
      }
    }
    execution.setVariable("alertsCleared", cleared);
  }
}
