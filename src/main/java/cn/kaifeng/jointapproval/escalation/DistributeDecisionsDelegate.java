package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 移交督查: every decision of the minutes becomes a supervision case for the supervision bureau
 * (process {@code supervision}, business key the project's code).
 */
@Component
public class DistributeDecisionsDelegate implements JavaDelegate {

  private final MatterRepository matters;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;
  private final cn.kaifeng.jointapproval.notify.Notifier notifier;
  private final cn.kaifeng.jointapproval.project.ProjectItemRepository items;

  public DistributeDecisionsDelegate(MatterRepository matters, ProjectLedger ledger,
      RuntimeService runtimeService, cn.kaifeng.jointapproval.notify.Notifier notifier,
      cn.kaifeng.jointapproval.project.ProjectItemRepository items) {
    this.notifier = notifier;
    this.items = items;
    this.matters = matters;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object meetingDate = execution.getVariable("meetingDate");
    if (meetingDate instanceof String date && !date.isBlank()) {
      matters.setMeetingDate(execution.getProcessInstanceId(), LocalDate.parse(date));
    }
    var units = new java.util.LinkedHashSet<String>();
    var lines = new StringBuilder();
    var linesHtml = new StringBuilder();
    for (var entry : Minutes.read(execution.getVariable("agenda"))) {
      var matter = matters.get(entry.matterId());
      units.add(entry.responsibleUnit());
      units.add(items.get(matter.projectCode(), matter.itemCode()).candidateGroup());
      String line = (entry.title() == null ? matter.id() : entry.title()) + "：" + entry.decision()
          + "（责任单位 " + entry.responsibleUnit() + "，" + entry.deadlineDays() + " 个工作日内落实）";
      lines.append("· ").append(line).append('\n');
      linesHtml.append("<li>").append(org.springframework.web.util.HtmlUtils.htmlEscape(line,
          "UTF-8")).append("</li>\n");
      matters.decide(matter.id(), entry.decision(), entry.responsibleUnit());
      ledger.record(matter.projectCode(), "MATTER_DECIDED", matter.itemCode(),
          (String) execution.getVariable("completedBy"),
          "市联审联批会议决定（协调事项 " + matter.id() + "）：" + entry.decision() + "；责任单位 "
              + entry.responsibleUnit() + "，" + entry.deadlineDays() + " 个工作日内落实");
      Map<String, Object> variables = new HashMap<>();
      variables.put("matterId", matter.id());
      variables.put("projectCode", matter.projectCode());
      variables.put("itemCode", matter.itemCode());
      variables.put("decision", entry.decision());
      variables.put("responsibleUnit", entry.responsibleUnit());
      variables.put("deadlineDays", entry.deadlineDays());
      runtimeService.startProcessInstanceByKey("supervision", matter.projectCode(), variables);
    }
    notifier.toGroups("minutes-recorded", units, java.util.Map.of(
        "meetingDate", String.valueOf(execution.getVariable("meetingDate")),
        "decisions", lines.toString(), "decisionsHtml", linesHtml.toString()));
  }
}
