package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记问题: checks the raised problem again (the start form's fields, the initiator's right to
 * raise it), stores it in the ledger bound to this process instance, and records it in the
 * problem's and the project's history. Anything wrong stops the start; nothing is kept.
 */
@Component
public class RegisterProblemDelegate implements JavaDelegate {

  private final ProblemValidator validator;
  private final ProblemPolicy policy;
  private final ProjectRepository projects;
  private final ProblemRepository problems;
  private final ProjectLedger ledger;
  private final ProblemUnits units;
  private final IdentityService identityService;

  public RegisterProblemDelegate(ProblemValidator validator, ProblemPolicy policy,
      ProjectRepository projects, ProblemRepository problems, ProjectLedger ledger,
      ProblemUnits units, IdentityService identityService) {
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
    this.problems = problems;
    this.ledger = ledger;
    this.units = units;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var variables = new java.util.HashMap<String, Object>();
    for (String field : ProblemValidator.FIELDS) {
      variables.put(field, execution.getVariable(field));
    }
    ProblemRequest request;
    try {
      request = validator.validate(variables);
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException("问题信息有误：" + e.getMessage(), e);
    }
    String initiator = (String) execution.getVariable("initiator");
    var project = projects.get(request.projectCode());
    if (initiator != null) {
      List<String> groups = identityService.createGroupQuery().groupMember(initiator).list()
          .stream().map(Group::getId).toList();
      if (!policy.mayRaise(initiator, groups, project)) {
        throw new ProcessEngineException("用户 " + initiator + " 无权为项目 "
            + project.code() + " 提出问题");
      }
    }
    String id = "Q-" + execution.getProcessInstanceId();
    var now = ClockUtil.getCurrentTime().toInstant();
    problems.insert(id, request, initiator == null ? "system" : initiator, now,
        execution.getProcessInstanceId());
    String detail = "提出问题 " + id + "（" + request.category().displayName() + "，"
        + request.level().displayName() + "）：" + request.description() + "；建议责任单位 "
        + units.name(request.proposedUnit());
    problems.record(id, "RAISED", initiator, detail, now);
    ledger.record(project.code(), "PROBLEM_RAISED", null, initiator, detail);
    // What tasks and mails show; no step reads them back.
    execution.setVariable("problemId", id);
    execution.setVariable("projectName", project.name());
    execution.setVariable("countyName", project.county().displayName());
    execution.setVariable("categoryName", request.category().displayName());
  }
}
