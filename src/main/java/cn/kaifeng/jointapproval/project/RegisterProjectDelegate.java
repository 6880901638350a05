package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.project.DuplicateProjectException;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.RegistrationForbiddenException;
import cn.kaifeng.jointapproval.project.RegistrationPolicy;
import cn.kaifeng.jointapproval.project.RegistrationValidator;
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
 * 登记项目台账: validates the registration (from the API or the Tasklist start form), checks that the
 * initiator may register for the county, stores the ledger record and gives the decisions their
 * inputs from it ({@link DecisionInputs}). Anything wrong stops the start and nothing is kept.
 */
@Component
public class RegisterProjectDelegate implements JavaDelegate {

  private final RegistrationValidator validator;
  private final RegistrationPolicy policy;
  private final ProjectRepository projects;
  private final ProjectLedger ledger;
  private final IdentityService identityService;
  private final ProjectNodes nodes;

  public RegisterProjectDelegate(RegistrationValidator validator, RegistrationPolicy policy,
      ProjectRepository projects, ProjectLedger ledger, IdentityService identityService,
      ProjectNodes nodes) {
    this.nodes = nodes;
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
    this.ledger = ledger;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var landed = landedAfterRegistration(execution);
    if (landed.isPresent()) {
      bind(execution, landed.get());
      return;
    }
    var variables = new java.util.HashMap<>(execution.getVariables());
    // The start form and the API both name the code "code"; the API passes it as projectCode too.
    variables.putIfAbsent("code", variables.get("projectCode"));
    variables.putIfAbsent("name", variables.get("projectName"));
    var registration = validate(variables);
    String initiator = (String) execution.getVariable("initiator");
    if (initiator != null) {
      List<String> groups = identityService.createGroupQuery().groupMember(initiator).list()
          .stream().map(Group::getId).toList();
      if (!policy.mayRegister(groups, registration.county())) {
        throw new RegistrationForbiddenException(
            "用户 " + initiator + " 无权登记" + registration.county().displayName() + "的项目");
      }
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      execution.setProcessBusinessKey(registration.code());
    } else if (!businessKey.equals(registration.code())) {
      throw new ProcessEngineException(
          "业务键 " + businessKey + " 与项目代码 " + registration.code() + " 不一致");
    }
    if (projects.exists(registration.code())) {
      throw new DuplicateProjectException(registration.code());
    }
    projects.insert(registration, execution.getProcessInstanceId(), initiator,
        ClockUtil.getCurrentTime().toInstant());
    nodes.reached(registration.code(), Node.LANDED, registration.landDelistedOn(), initiator,
        "土地摘牌（登记时录入）");
    DecisionInputs.set(execution, registration);
    ledger.record(registration.code(), "REGISTERED", null, initiator,
        "登记项目“" + registration.name() + "”（" + registration.county().displayName()
            + "），土地摘牌日期 " + registration.landDelistedOn() + "，总投资 "
            + registration.investment().toPlainString() + " 万元；责任人 "
            + registration.responsibleCadre() + "，首席服务官 " + registration.chiefServiceOfficer()
            + "，分包市领导 " + registration.contractingLeader());
  }

  /**
   * The project whose land delisting was just recorded ({@code LANDED} through the API): the
   * application itself starts this instance, without a user (no initiator), under the project's
   * code, inside the transaction that wrote the delisting into the ledger. Only then is there a
   * project in approval without a process. A user's start never gets here: it has an initiator, and
   * the trust boundary refuses a code that exists (409).
   */
  private java.util.Optional<Project> landedAfterRegistration(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (execution.getVariable("initiator") != null || businessKey == null) {
      return java.util.Optional.empty();
    }
    return projects.find(businessKey).filter(p -> p.processInstanceId() == null
        && p.status() == ProjectStatus.APPROVING && p.node() == Node.LANDED
        && p.registration().landDelistedOn() != null);
  }

  /**
   * Binds the instance to the landed project and gives the decisions their inputs from the
   * ledger's facts, never from variables ({@link DecisionInputs}).
   */
  private void bind(DelegateExecution execution, Project project) {
    var registration = project.registration();
    projects.bindProcess(project.code(), execution.getProcessInstanceId());
    DecisionInputs.set(execution, registration);
    ledger.record(project.code(), "APPROVAL_STARTED", null, null,
        "土地于 " + registration.landDelistedOn() + " 摘牌，项目进入联审联批（登记于 "
            + project.registeredAt().atZone(cn.kaifeng.jointapproval.calendar.ChinaTime.ZONE)
                .toLocalDate() + "）");
  }

  private cn.kaifeng.jointapproval.project.ProjectRegistration validate(
      java.util.Map<String, Object> variables) {
    try {
      return validator.validateVariables(variables);
    } catch (InvalidRequestException e) {
      // Tasklist shows the message of a failed start: make it name every bad field.
      throw new ProcessEngineException("项目登记信息有误：" + e.getMessage(), e);
    }
  }
}
