package cn.kaifeng.jointapproval.supervision;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import cn.kaifeng.jointapproval.escalation.MatterRepository;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 验收办结: the decision is carried out. The case and its matter close, and the blocked approval
 * item resumes: message {@code MatterCarriedOut} to the coordination waiting for this matter. A
 * case of a project past its limit has neither: it just closes.
 */
@Component
public class AcceptCaseDelegate implements JavaDelegate {

  public static final String MESSAGE = "MatterCarriedOut";

  private final SupervisionCaseRepository cases;
  private final MatterRepository matters;
  private final DeadlineService deadlines;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;

  public AcceptCaseDelegate(SupervisionCaseRepository cases, MatterRepository matters,
      DeadlineService deadlines, ProjectLedger ledger, RuntimeService runtimeService) {
    this.cases = cases;
    this.matters = matters;
    this.deadlines = deadlines;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CaseRef.of(execution, cases);
    var today = ChinaTime.today();
    var supervisionCase = cases.get(ref.caseId());
    String note = (String) execution.getVariable("verificationNote");
    cases.accept(ref.caseId(), note, today);
    deadlines.close(supervisionCase.deadlineId(), today);
    String noted = note == null || note.isBlank() ? "" : "：" + note;
    if (ref.matterId() == null) {
      // A project past its limit: no matter and no blocked item.
      ledger.record(ref.projectCode(), "CASE_ACCEPTED", null, ref.completedBy(),
          "督办件 " + ref.caseId() + " 核查通过，" + supervisionCase.origin().displayName()
              + "已落实" + noted);
      return;
    }
    matters.close(ref.matterId(), "CARRIED_OUT", today);
    if (ref.itemCode() == null) {
      // A problem the meeting decided on: no blocked item, no coordination waiting.
      ledger.record(ref.projectCode(), "CASE_ACCEPTED", null, ref.completedBy(),
          "督办件 " + ref.caseId() + " 核查通过，会议决定已落实" + noted);
      return;
    }
    ledger.record(ref.projectCode(), "CASE_ACCEPTED", ref.itemCode(), ref.completedBy(),
        "督办件 " + ref.caseId() + " 核查通过，会议决定已落实" + noted + "；审批事项恢复办理");
    // The matter's coordination waits for this; it is gone if the item was approved meanwhile.
    var matter = matters.get(ref.matterId());
    var waiting = runtimeService.createExecutionQuery().messageEventSubscriptionName(MESSAGE)
        .processInstanceId(matter.coordinationProcessInstanceId()).list();
    for (var execution1 : waiting) {
      runtimeService.messageEventReceived(MESSAGE, execution1.getId());
    }
  }
}
