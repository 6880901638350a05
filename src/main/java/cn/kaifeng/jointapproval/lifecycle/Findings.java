package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.AlertKind;

import cn.kaifeng.jointapproval.approval.ConstructionStartProperties;
import cn.kaifeng.jointapproval.calendar.CalendarService;
import cn.kaifeng.jointapproval.deadline.DeadlineCalculator;
import cn.kaifeng.jointapproval.project.Project;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What is late on a project today, plan against fact: 应开未开 (the planned start passed, or ready
 * for {@code jointapproval.approval.start-expected-within-days} working days, and not started),
 * 应竣未竣 (the planned completion passed and not completed), and any other planned node not
 * reached more than {@code jointapproval.lifecycle.node-late-working-days} working days after its
 * planned date.
 */
@Component
public class Findings {

  /** One finding; at most one per kind and node. */
  public record Finding(AlertKind kind, Node node, String detail) {}

  private final CalendarService calendar;
  private final DeadlineCalculator calculator;
  private final LifecycleProperties properties;
  private final ConstructionStartProperties start;

  public Findings(CalendarService calendar, DeadlineCalculator calculator,
      LifecycleProperties properties, ConstructionStartProperties start) {
    this.calendar = calendar;
    this.calculator = calculator;
    this.properties = properties;
    this.start = start;
  }

  public List<Finding> of(Project project, ReachedNodes reached, Optional<NodePlan> plan,
      LocalDate today) {
    List<Finding> findings = new ArrayList<>();
    plan.ifPresent(p -> p.nodes().forEach((node, planned) -> {
      if (reached.reached(node) || !today.isAfter(planned)) {
        return;
      }
      switch (node) {
        case STARTED -> findings.add(new Finding(AlertKind.START_OVERDUE, node,
            "应开未开：计划 " + planned + " 开工，至今未开工"));
        case COMPLETED -> findings.add(new Finding(AlertKind.COMPLETION_OVERDUE, node,
            "应竣未竣：计划 " + planned + " 竣工，至今未竣工"));
        default -> {
          int late = calendar.calendar().count(planned, today);
          if (late > properties.nodeLateWorkingDays()) {
            findings.add(new Finding(AlertKind.NODE_LATE, node, "节点滞后：计划 " + planned + " "
                + node.displayName() + "，已滞后 " + late + " 个工作日（允许 "
                + properties.nodeLateWorkingDays() + " 个工作日）"));
          }
        }
      }
    }));
    readinessWait(project, reached, today)
        .filter(f -> findings.stream().noneMatch(o -> o.kind() == f.kind() && o.node() == f.node()))
        .ifPresent(findings::add);
    return findings;
  }

  /** 应开未开 of a ready project that waited too long for its start (no plan needed). */
  public Optional<Finding> readinessWait(Project project, ReachedNodes reached, LocalDate today) {
    if (project.completedOn() == null || reached.reached(Node.STARTED)) {
      return Optional.empty();
    }
    var expectedBy = calculator.dueDate(project.completedOn(), start.startExpectedWithinDays())
        .plusDays(1);
    if (today.isBefore(expectedBy)) {
      return Optional.empty();
    }
    return Optional.of(readinessFinding(project));
  }

  Finding readinessFinding(Project project) {
    return new Finding(AlertKind.START_OVERDUE, Node.STARTED, "应开未开：项目于 "
        + project.completedOn() + " 具备开工条件，" + start.startExpectedWithinDays()
        + " 个工作日后仍未开工");
  }
}
