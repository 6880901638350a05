package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Builds the {@code plan} of {@code GET /api/projects/{code}}. */
@Component
public class PlanViews {

  private final PlanRepository plans;
  private final NodeFacts nodeFacts;

  public PlanViews(PlanRepository plans, NodeFacts nodeFacts) {
    this.plans = plans;
    this.nodeFacts = nodeFacts;
  }

  /** The plan in force today, or empty when the project has none. */
  public Optional<PlanView> current(String projectCode) {
    var today = ChinaTime.today();
    return plans.current(projectCode, today).map(plan -> view(plan, today));
  }

  /** A version as the API answers it after {@code PUT}, with its year's history. */
  public PlanView of(NodePlan plan) {
    return view(plan, ChinaTime.today());
  }

  private PlanView view(NodePlan plan, java.time.LocalDate today) {
    var reached = nodeFacts.of(plan.projectCode());
    var nodes = plan.nodes().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> new PlanView.PlannedNode(e.getKey().name(), e.getKey().displayName(),
            e.getValue(), reached.reached(e.getKey()), reached.dateOf(e.getKey()),
            !reached.reached(e.getKey()) && today.isAfter(e.getValue())))
        .toList();
    var history = plans.versions(plan.projectCode(), plan.year()).stream()
        .map(v -> new PlanView.Version(v.version(), v.changedBy(), v.changedAt(),
            v.plannedInvestment(), v.changes()))
        .toList();
    return new PlanView(plan.year(), plan.version(), plan.plannedInvestment(), nodes,
        plan.changedBy(), plan.changedAt(), history);
  }
}
