package cn.kaifeng.jointapproval.approval;

import java.util.Set;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses an approval decision that the process cannot act on, whatever client completes the task
 * (Tasklist form, engine REST API): the outcome must be one of the three of DOMAIN.md §6, and an
 * item returned or flagged for coordination must say why, and an item already in an open matter
 * (its overdue escalation is with the platform, the meeting or supervision) cannot be flagged for a
 * second one. The task then stays open.
 */
@Component
public class ReviewOutcomeListener implements TaskListener {

  private final ProjectItemRepository items;

  public ReviewOutcomeListener(ProjectItemRepository items) {
    this.items = items;
  }

  public static final Set<String> OUTCOMES = Set.of("APPROVED", "RETURNED", "NEEDS_COORDINATION");

  @Override
  public void notify(DelegateTask task) {
    Object outcome = task.getVariable("outcome");
    if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
      throw SubmissionRejectedException.of("outcome",
          "请选择办理结果（APPROVED、RETURNED 或 NEEDS_COORDINATION）");
    }
    Object opinion = task.getVariable("opinion");
    boolean blank = !(opinion instanceof String text) || text.isBlank();
    if (blank && !"APPROVED".equals(value)) {
      throw SubmissionRejectedException.of("opinion", "RETURNED".equals(value)
          ? "退回补正时须填写审批意见，写明需补正的材料"
          : "提请协调时须填写审批意见，写明需协调的事项");
    }
    if ("NEEDS_COORDINATION".equals(value)) {
      var item = ItemRef.of(task.getExecution(), items);
      if (items.inMatter(item.projectCode(), item.itemCode())) {
        throw SubmissionRejectedException.of("outcome",
            "该事项已在跨部门协调（或会议、督查）中，协调完毕前不能再次提请协调；请继续办理或退回补正");
      }
    }
  }
}
