package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineIds;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 印发交办单: carries out the office's decisions on this instance's list (each problem assigned
 * with its own working-day clock, merged, closed as not a problem, or referred to the provincial
 * coordination mechanism), tells each problem's process ({@code ProblemDecided}), freezes the list
 * as the week's assignment sheet (交办单) and mails every responsible unit its own lines
 * (template {@code weekly-sheet}).
 */
@Component
public class IssueWeeklySheetDelegate implements JavaDelegate {

  public static final String MESSAGE = "ProblemDecided";

  private final WeeklySheetRepository sheets;
  private final WeeklyDecisions decisions;
  private final ProblemRepository problems;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final ProblemUnits units;
  private final RuntimeService runtimeService;
  private final Notifier notifier;
  private final NotifyProperties mail;

  public IssueWeeklySheetDelegate(WeeklySheetRepository sheets, WeeklyDecisions decisions,
      ProblemRepository problems, DeadlineService deadlines, ProjectLedger ledger,
      ProblemUnits units, RuntimeService runtimeService, Notifier notifier,
      NotifyProperties mail) {
    this.sheets = sheets;
    this.decisions = decisions;
    this.problems = problems;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.units = units;
    this.runtimeService = runtimeService;
    this.notifier = notifier;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String sheetId = sheets.ofProcessInstance(execution.getProcessInstanceId()).orElseThrow(
        () -> new ProcessEngineException("流程实例 " + execution.getProcessInstanceId() + " 没有周交办清单"));
    if (sheets.issued(sheetId)) {
      return;
    }
    String actor = (String) execution.getVariable("completedBy");
    var now = ClockUtil.getCurrentTime().toInstant();
    var today = ChinaTime.today();
    Map<String, StringBuilder> linesByUnit = new LinkedHashMap<>();
    for (var d : decisions.read(sheetId, execution.getVariable("problems"))) {
      var problem = d.problem();
      problems.lock(problem.id());
      String detail;
      java.time.LocalDate dueOn = null;
      switch (d.decision()) {
        case ASSIGN -> {
          String clock = DeadlineIds.problem(problem.id());
          dueOn = deadlines.open(clock, problem.processInstanceId(), today, d.deadlineDays())
              .dueOn();
          problems.assign(problem.id(), d.unit(), d.deadlineDays(), clock);
          detail = "周交办：交" + units.name(d.unit()) + "办理，限 " + d.deadlineDays()
              + " 个工作日（" + dueOn + " 前）";
          linesByUnit.computeIfAbsent(d.unit(), u -> new StringBuilder())
              .append("- ").append(problem.title()).append("：").append(problem.description())
              .append("（项目 ").append(problem.projectCode()).append("，限 ")
              .append(d.deadlineDays()).append(" 个工作日，").append(dueOn).append(" 前）\n");
        }
        case MERGE -> {
          problems.merge(problem.id(), d.mergeInto());
          problems.close(problem.id(), ProblemStatus.MERGED, today, null);
          detail = "周交办：并入问题 " + d.mergeInto();
        }
        case NOT_A_PROBLEM -> {
          problems.close(problem.id(), ProblemStatus.REJECTED, today, null);
          detail = "周交办：不属问题，" + d.reason();
        }
        default -> {
          problems.setStatus(problem.id(), ProblemStatus.REFERRED);
          detail = "周交办：报省协调机制，跟踪至答复";
        }
      }
      sheets.decide(sheetId, problem.id(), d.decision().name(), d.unit(), d.deadlineDays(),
          dueOn, d.mergeInto(), d.reason());
      problems.record(problem.id(), d.decision().name(), actor, detail, now);
      ledger.record(problem.projectCode(), "PROBLEM_" + d.decision().name(), null, actor,
          problem.title() + " " + detail);
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceId(problem.processInstanceId()).correlateWithResult();
    }
    sheets.issue(sheetId, actor, now);
    linesByUnit.forEach((unit, lines) -> {
      var model = new HashMap<String, Object>();
      model.put("sheetId", sheetId);
      model.put("unitName", units.name(unit));
      model.put("lines", lines.toString());
      model.put("taskUrl", mail.tasklistUrl());
      notifier.toGroups("weekly-sheet", List.of(unit), model);
    });
  }
}
