package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.trust.FieldError;
import cn.kaifeng.jointapproval.trust.StartSubmissionRule;
import cn.kaifeng.jointapproval.trust.SubmissionConflictException;
import cn.kaifeng.jointapproval.trust.SubmissionRejectedException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * Starting {@code joint-approval} from Tasklist or Camunda's REST API is a registration: the same
 * validation, county rule and unique code as {@code POST /api/projects}, before anything starts.
 */
@Component
public class RegistrationStartRule implements StartSubmissionRule {

  private final RegistrationValidator validator;
  private final RegistrationPolicy policy;
  private final ProjectRepository projects;

  public RegistrationStartRule(RegistrationValidator validator, RegistrationPolicy policy,
      ProjectRepository projects) {
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
  }

  @Override
  public String processDefinitionKey() {
    return ProjectRegistrationService.PROCESS_KEY;
  }

  @Override
  public void check(Map<String, Object> variables, String businessKey, String userId,
      List<String> groupIds) {
    if (!policy.mayRegisterAny(groupIds)) {
      throw new AuthorizationException("只有市重点办、县区首席服务官和系统管理员可以登记项目");
    }
    ProjectRegistration registration;
    try {
      registration = validator.validateVariables(variables);
    } catch (InvalidRequestException e) {
      throw new SubmissionRejectedException("项目登记信息有误，未作任何更改", e.errors().entrySet()
          .stream().map(entry -> new FieldError(entry.getKey(), entry.getValue())).toList());
    }
    if (!policy.mayRegister(groupIds, registration.county())) {
      throw new AuthorizationException("用户 " + userId + " 无权登记"
          + registration.county().displayName() + "的项目：县区只能登记本县区的项目");
    }
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(registration.code())) {
      throw SubmissionRejectedException.of("businessKey",
          "业务键须与项目代码 " + registration.code() + " 一致，或留空");
    }
    if (projects.exists(registration.code())) {
      throw new SubmissionConflictException("项目代码 " + registration.code() + " 已登记，不能重复登记");
    }
  }
}
