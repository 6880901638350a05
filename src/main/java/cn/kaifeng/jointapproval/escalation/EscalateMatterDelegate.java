package cn.kaifeng.jointapproval.escalation;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 提交联审联批会议: the platform could not solve the matter (or ran out of time). It goes onto the
 * agenda of the meeting that is collecting matters now (message {@code MatterEscalated}); when
 * none is, the next meeting takes it when it opens its agenda.
 */
@Component
public class EscalateMatterDelegate implements JavaDelegate {

  public static final String MESSAGE = MeetingAgenda.MESSAGE;

  private final MatterRepository matters;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;
  private final cn.kaifeng.jointapproval.notify.Notifier notifier;
  private final cn.kaifeng.jointapproval.notify.NotifyProperties mail;

  public EscalateMatterDelegate(MatterRepository matters, DeadlineService deadlines,
      ProjectLedger ledger, RuntimeService runtimeService,
      cn.kaifeng.jointapproval.notify.Notifier notifier,
      cn.kaifeng.jointapproval.notify.NotifyProperties mail) {
    this.notifier = notifier;
    this.mail = mail;
    this.matters = matters;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = MatterRef.of(execution, matters);
    var matter = matters.get(ref.matterId());
    String note = (String) execution.getVariable("coordinationNote");
    // The timeout path arrives without the coordinator having chosen UNRESOLVED.
    boolean timedOut = !"UNRESOLVED".equals(execution.getVariable("coordinationResult"));
    matters.coordinated(ref.matterId(), timedOut ? "协调超时" : note);
    matters.escalate(ref.matterId(), ClockUtil.getCurrentTime().toInstant());
    deadlines.close(matter.coordinationDeadlineId(), ChinaTime.today());
    ledger.record(ref.projectCode(), "MATTER_ESCALATED", ref.itemCode(), ref.completedBy(),
        "协调事项 " + ref.matterId() + (timedOut ? " 超过协调时限未解决" : " 协调未果（" + note + "）")
            + "，提交市联审联批会议研究");
    var model = new java.util.HashMap<String, Object>();
    model.put("projectName", execution.getVariable("projectName"));
    model.put("projectCode", ref.projectCode());
    model.put("itemName", execution.getVariable("itemName"));
    model.put("matterId", ref.matterId());
    model.put("reason", matter.reason());
    model.put("coordinationNote", timedOut ? "超过协调时限未解决" : note);
    model.put("tasklistUrl", mail.tasklistUrl());
    notifier.toGroups("matter-escalated", java.util.List.of("executive-vice-mayor"), model);
    // The meeting collecting now, if any: its agenda subprocess waits for this message.
    new MeetingAgenda(runtimeService).offer();
  }
}
