package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * 汇总本周清单: at the week's cut-off (the timer that started this instance) the list collects the
 * new problems raised up to now and not on another open list (to decide), the still-open ones and
 * the lagging projects (open alerts, red items), stored as this instance's sheet. The form shows
 * the problems to decide with read-only ids, and the rest as text.
 */
@Component
public class CompileWeeklyListDelegate implements JavaDelegate {

  private final ProblemRepository problems;
  private final WeeklySheetRepository sheets;
  private final ProjectRepository projects;
  private final ProblemUnits units;

  public CompileWeeklyListDelegate(ProblemRepository problems, WeeklySheetRepository sheets,
      ProjectRepository projects, ProblemUnits units) {
    this.problems = problems;
    this.sheets = sheets;
    this.projects = projects;
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var now = ClockUtil.getCurrentTime().toInstant();
    String sheetId = "W-" + execution.getProcessInstanceId();
    sheets.insert(sheetId, now, execution.getProcessInstanceId());
    var pending = new HashSet<>(sheets.pendingProblems());
    List<Problem> toDecide = problems.newUntil(now).stream()
        .filter(p -> !pending.contains(p.id())).toList();
    int position = 0;
    SpinJsonNode list = Spin.JSON("[]");
    for (var problem : toDecide) {
      var project = projects.get(problem.projectCode());
      String summary = project.name() + "（" + project.code() + "）· " + problem.title() + "："
          + problem.description();
      sheets.addLine(sheetId, new WeeklySheetRepository.Line(++position, "PROBLEM",
          problem.id(), problem.projectCode(), summary, null, null, null, null, null, null));
      var entry = Spin.JSON("{}");
      entry.prop("problemId", problem.id());
      entry.prop("title", project.name() + " · " + problem.category().displayName() + " · "
          + problem.level().displayName());
      entry.prop("description", problem.description() + "（建议责任单位："
          + units.name(problem.proposedUnit()) + "）");
      entry.prop("decision", problem.level() == ProblemLevel.PROVINCE ? "REFER_PROVINCE"
          : "ASSIGN");
      entry.prop("responsibleUnit", problem.proposedUnit());
      list.append(entry);
    }
    var text = new StringBuilder();
    for (var problem : problems.stillOpen()) {
      var project = projects.get(problem.projectCode());
      String summary = project.name() + "（" + project.code() + "）· " + problem.title() + "："
          + problem.status().displayName() + "，" + units.name(problem.responsibleUnit());
      sheets.addLine(sheetId, new WeeklySheetRepository.Line(++position, "OPEN_PROBLEM",
          problem.id(), problem.projectCode(), summary, null, null, null, null, null, null));
      text.append("- 未办结：").append(summary).append('\n');
    }
    for (var lagging : sheets.lagging()) {
      var project = projects.get(lagging.projectCode());
      String summary = project.name() + "（" + project.code() + "）· " + lagging.summary();
      sheets.addLine(sheetId, new WeeklySheetRepository.Line(++position, "LAGGING", null,
          lagging.projectCode(), summary, null, null, null, null, null, null));
      text.append("- 滞后：").append(summary).append('\n');
    }
    execution.setVariable("sheetId", sheetId);
    execution.setVariable("toDecide", toDecide.size());
    execution.setVariable("lineCount", position);
    execution.setVariable("closesAt", now.atZone(cn.kaifeng.jointapproval.calendar.ChinaTime.ZONE)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    execution.setVariable("sheetText", text.isEmpty() ? "无" : text.toString());
    execution.setVariable("problems", org.camunda.spin.plugin.variable.SpinValues
        .jsonValue(list.toString()).create());
  }
}
