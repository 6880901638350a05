package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Builds {@link ProblemView}s; also what a project's view lists as its problems. */
@Component
public class ProblemViews {

  private final ProblemRepository problems;
  private final DeadlineService deadlines;

  public ProblemViews(ProblemRepository problems, DeadlineService deadlines) {
    this.problems = problems;
    this.deadlines = deadlines;
  }

  /** Every problem of a project with its history, oldest first. */
  public List<ProblemView> ofProject(String projectCode) {
    return ofProject(projectCode, p -> true);
  }

  /** The problems of a project that {@code readable} lets through, with their history. */
  public List<ProblemView> ofProject(String projectCode, Predicate<Problem> readable) {
    return problems.ofProject(projectCode).stream().filter(readable).map(p -> of(p, true))
        .toList();
  }

  /** The ids of the problems of a project that {@code readable} keeps back. */
  public Set<String> hiddenIds(String projectCode, Predicate<Problem> readable) {
    return problems.ofProject(projectCode).stream().filter(readable.negate()).map(Problem::id)
        .collect(Collectors.toSet());
  }

  ProblemView of(Problem p, boolean withHistory) {
    var clock = p.deadlineId() == null ? null : deadlines.get(p.deadlineId());
    boolean overdue = clock != null && clock.open() && ChinaTime.today().isAfter(clock.dueOn());
    return new ProblemView(p.id(), p.projectCode(), p.category().name(),
        p.category().displayName(), p.description(), p.level().name(), p.proposedUnit(),
        p.status().name(), p.status().displayName(), p.responsibleUnit(), p.deadlineDays(),
        clock == null ? null : clock.dueOn(), p.light() == null ? null : p.light().name(),
        overdue, p.mergedInto(), p.report(), p.closedOn(), p.workingDaysTaken(), p.caseId(),
        p.raisedBy(), p.raisedAt(), withHistory ? problems.history(p.id()) : null);
  }
}
