package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;

import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * 移交督查: every decision of the minutes becomes a supervision case for the supervision bureau
 * (process {@code supervision}, business key the project's code). The minutes are read against
 * this meeting's agenda in the ledger once more ({@link AgendaMinutes}); the decision goes into the
 * matter's record, from which the case opens, and the case learns only which matter it is for.
 */
@Component
public class DistributeDecisionsDelegate implements JavaDelegate {

  private final AgendaMinutes minutes;
  private final MatterRepository matters;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;
  private final Notifier notifier;
  private final ProjectItemRepository items;

  public DistributeDecisionsDelegate(AgendaMinutes minutes, MatterRepository matters,
      ProjectLedger ledger, RuntimeService runtimeService, Notifier notifier,
      ProjectItemRepository items) {
    this.minutes = minutes;
    this.matters = matters;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.notifier = notifier;
    this.items = items;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var decisions = minutes.read(execution.getProcessInstanceId(),
        execution.getVariable("agenda"));
    Object meetingDate = execution.getVariable("meetingDate");
    if (meetingDate instanceof String date && !date.isBlank()) {
      matters.setMeetingDate(execution.getProcessInstanceId(), LocalDate.parse(date));
    }
    var units = new LinkedHashSet<String>();
    var lines = new StringBuilder();
    var linesHtml = new StringBuilder();
    for (var decided : decisions) {
      var matter = decided.matter();
      units.add(decided.responsibleUnit());
      if (matter.itemCode() != null) {
        units.add(items.get(matter.projectCode(), matter.itemCode()).candidateGroup());
      }
      if (matter.aboutUnit()) {
        // The unit answers to the meeting's decision directly; there is no project to supervise.
        matters.decideForUnit(matter.id(), decided.decision(), decided.responsibleUnit(),
            decided.deadlineDays(), ChinaTime.today());
        String line = decided.title() + "：" + decided.decision() + "（责任单位 "
            + decided.responsibleUnit() + "，" + decided.deadlineDays() + " 个工作日内落实）";
        lines.append("· ").append(line).append('\n');
        linesHtml.append("<li>").append(HtmlUtils.htmlEscape(line, "UTF-8")).append("</li>\n");
        continue;
      }
      String line = decided.title() + "：" + decided.decision() + "（责任单位 "
          + decided.responsibleUnit() + "，" + decided.deadlineDays() + " 个工作日内落实）";
      lines.append("· ").append(line).append('\n');
      linesHtml.append("<li>").append(HtmlUtils.htmlEscape(line, "UTF-8")).append("</li>\n");
      matters.decide(matter.id(), decided.decision(), decided.responsibleUnit(),
          decided.deadlineDays());
      ledger.record(matter.projectCode(), "MATTER_DECIDED", matter.itemCode(),
          (String) execution.getVariable("completedBy"),
          "市联审联批会议决定（协调事项 " + matter.id() + "）：" + decided.decision() + "；责任单位 "
              + decided.responsibleUnit() + "，" + decided.deadlineDays() + " 个工作日内落实");
      runtimeService.startProcessInstanceByKey("supervision", matter.projectCode(),
          Map.of("matterId", matter.id()));
    }
    notifier.toGroups("minutes-recorded", units, Map.of(
        "meetingDate", String.valueOf(execution.getVariable("meetingDate")),
        "decisions", lines.toString(), "decisionsHtml", linesHtml.toString()));
  }
}
