package cn.kaifeng.jointapproval.trust;

import java.util.List;
import java.util.Map;

/**
 * What a process checks, beyond its start form, when a user starts it: the same rules its own API
 * applies. Throws {@link SubmissionRejectedException} (400), an
 * {@link org.camunda.bpm.engine.AuthorizationException} (403) or a
 * {@link SubmissionConflictException} (409); nothing has been started then.
 */
public interface StartSubmissionRule {

  String processDefinitionKey();

  /** {@code variables}: the submitted fields as plain values (already checked against the form). */
  void check(Map<String, Object> variables, String businessKey, String userId,
      List<String> groupIds);
}
