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

  public DistributeDecisionsDelegate(MatterRepository matters, ProjectLedger ledger,
      RuntimeService runtimeService) {
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
    for (var entry : Minutes.read(execution.getVariable("agenda"))) {
      var matter = matters.get(entry.matterId());
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
  }
}
