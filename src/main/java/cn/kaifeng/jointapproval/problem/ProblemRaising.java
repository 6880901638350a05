package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises a problem through the API: checks what is sent and who sends it, then starts the
 * {@code problem} process with exactly its start form's fields, as the user; its first step
 * ({@link RegisterProblemDelegate}) stores the row in this same transaction.
 */
@Service
public class ProblemRaising {

  public static final String PROCESS_KEY = "problem";

  private final ProblemValidator validator;
  private final ProblemPolicy policy;
  private final ProjectRepository projects;
  private final ProblemRepository problems;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public ProblemRaising(ProblemValidator validator, ProblemPolicy policy,
      ProjectRepository projects, ProblemRepository problems, RuntimeService runtimeService,
      IdentityService identityService) {
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
    this.problems = problems;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** Returns the raised problem. */
  @Transactional
  public Problem raise(Map<String, Object> body, String userId, Collection<String> groups) {
    // Who asks before what is sent: 403 before field errors, and the same 403 for an unknown
    // project as for one the user may not touch (see ProblemPolicy.mayAttemptRaise).
    Object named = body == null ? null : body.get("projectCode");
    if (!policy.mayAttemptRaise(named, userId, groups)) {
      throw forbidden(String.valueOf(named).strip());
    }
    var request = validator.validate(body);
    if (!policy.mayRaise(userId, groups, projects.get(request.projectCode()))) {
      throw forbidden(request.projectCode());
    }
    var previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, List.copyOf(groups));
    try {
      var instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
          request.projectCode(), request.formVariables());
      return problems.ofProcessInstance(instance.getId()).orElseThrow();
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  private static ForbiddenException forbidden(String projectCode) {
    return new ForbiddenException("无权为项目 " + projectCode
        + " 提出问题：只有其首席服务官、所在县区、分包市领导、有其审批事项的科室和市重点办可以提出");
  }
}
