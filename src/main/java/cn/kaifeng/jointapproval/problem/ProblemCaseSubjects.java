package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.supervision.CaseOrigin;
import cn.kaifeng.jointapproval.supervision.CaseSubjects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The problem ledger as a source of supervision cases: a problem assigned (or reported, not yet
 * accepted) past its due date and without a case. The case carries over its responsible unit and
 * its deadline in working days, and says which due date was missed.
 */
@Component
public class ProblemCaseSubjects implements CaseSubjects {

  private final ProblemRepository problems;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ProblemUnits units;

  public ProblemCaseSubjects(ProblemRepository problems, DeadlineService deadlines,
      ProjectLedger ledger, ProblemUnits units) {
    this.problems = problems;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.units = units;
  }

  @Override
  public CaseOrigin origin() {
    return CaseOrigin.PROBLEM;
  }

  @Override
  public Optional<Subject> overdueWithoutCase(String id) {
    return problems.find(id)
        .filter(p -> p.caseId() == null && p.deadlineId() != null
            && (p.status() == ProblemStatus.ASSIGNED || p.status() == ProblemStatus.REPORTED))
        .filter(p -> ChinaTime.today().isAfter(deadlines.get(p.deadlineId()).dueOn()))
        .map(p -> new Subject(p.projectCode(), p.title(), "逾期未解决的问题（原办理期限 "
            + deadlines.get(p.deadlineId()).dueOn() + "）：" + p.description(),
            p.responsibleUnit(), p.deadlineDays()));
  }

  @Override
  public void caseOpened(String id, String caseId) {
    var problem = problems.find(id).orElseThrow();
    problems.setCase(id, caseId);
    String detail = problem.title() + " 逾期未解决，移交市委市政府督查局督办（督办件 " + caseId + "，责任单位 "
        + units.name(problem.responsibleUnit()) + "）";
    problems.record(id, "SUPERVISED", null, detail, ClockUtil.getCurrentTime().toInstant());
    ledger.record(problem.projectCode(), "PROBLEM_SUPERVISED", null, null, detail);
  }
}
