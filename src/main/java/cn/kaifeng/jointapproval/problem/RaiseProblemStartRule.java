package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.trust.FieldError;
import cn.kaifeng.jointapproval.trust.StartSubmissionRule;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * Starting {@code problem} from Tasklist or Camunda's REST API is raising a problem: the same
 * checks and the same people as {@code POST /api/problems}, before anything starts.
 */
@Component
public class RaiseProblemStartRule implements StartSubmissionRule {

  private final ProblemValidator validator;
  private final ProblemPolicy policy;
  private final ProjectRepository projects;

  public RaiseProblemStartRule(ProblemValidator validator, ProblemPolicy policy,
      ProjectRepository projects) {
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
  }

  @Override
  public String processDefinitionKey() {
    return ProblemRaising.PROCESS_KEY;
  }

  @Override
  public void check(Map<String, Object> variables, String businessKey, String userId,
      List<String> groupIds) {
    // As POST /api/problems: who asks first, so an unknown project looks like a forbidden one.
    Object named = variables == null ? null : variables.get("projectCode");
    if (!policy.mayAttemptRaise(named, userId, groupIds)) {
      throw new AuthorizationException("用户 " + userId + " 无权为项目 "
          + String.valueOf(named).strip() + " 提出问题");
    }
    ProblemRequest request;
    try {
      request = validator.validate(variables);
    } catch (InvalidRequestException e) {
      throw new SubmissionRejectedException("问题信息有误，未作任何更改", e.errors().entrySet()
          .stream().map(entry -> new FieldError(entry.getKey(), entry.getValue())).toList());
    }
    if (!policy.mayRaise(userId, groupIds, projects.get(request.projectCode()))) {
      throw new AuthorizationException("用户 " + userId + " 无权为项目 " + request.projectCode()
          + " 提出问题");
    }
    if (businessKey != null && !businessKey.isBlank()
        && !businessKey.equals(request.projectCode())) {
      throw SubmissionRejectedException.of("businessKey",
          "业务键须与项目代码 " + request.projectCode() + " 一致，或留空");
    }
  }
}
