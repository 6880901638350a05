package cn.kaifeng.jointapproval.trust;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form submission that does not fit its form (or its process's rules): nothing is changed, the
 * task stays open. Carries every bad field so that each HTTP surface can name them (400).
 */
public class SubmissionRejectedException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  public SubmissionRejectedException(String summary, List<FieldError> errors) {
    super(summary + "：" + errors.stream().map(e -> e.field() + " " + e.message())
        .collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
    CommandFailures.record(this);
  }

  public static SubmissionRejectedException of(String field, String message) {
    return new SubmissionRejectedException("提交的内容有误", List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
