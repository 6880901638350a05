package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 验收问题 sent back needs a reason (400 naming {@code reviewNote}); the task stays open. */
@Component
public class ReviewProblemListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("SENT_BACK".equals(task.getVariable("acceptance"))
        && (!(task.getVariable("reviewNote") instanceof String note) || note.isBlank())) {
      throw SubmissionRejectedException.of("reviewNote", "退回须说明理由");
    }
  }
}
