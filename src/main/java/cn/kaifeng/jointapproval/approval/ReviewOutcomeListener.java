package cn.kaifeng.jointapproval.approval;

import java.util.Set;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses an approval decision that the process cannot act on, whatever client completes the task
 * (Tasklist form, engine REST API): the outcome must be one of the three of DOMAIN.md §6, and an
 * item returned or flagged for coordination must say why. The task then stays open.
 */
@Component
public class ReviewOutcomeListener implements TaskListener {

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
  }
}
