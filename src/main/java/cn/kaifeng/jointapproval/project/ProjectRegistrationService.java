package cn.kaifeng.jointapproval.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a project through the API: checks who asks and what they send. A landed project
 * (the default) starts the joint approval process, whose first steps store the ledger, decide the
 * track and items and open every clock, all inside this one transaction, so a failure leaves
 * nothing behind. A project registered earlier in its life (谋划, 在谈, 签约) is only recorded:
 * status {@code PREPARING}, no process and no clock until its land is delisted.
 */
@Service
public class ProjectRegistrationService {

  public static final String PROCESS_KEY = "joint-approval";

  private final RegistrationValidator validator;
  private final RegistrationPolicy policy;
  private final ProjectRepository projects;
  private final ProjectNodes nodes;
  private final ProjectLedger ledger;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public ProjectRegistrationService(RegistrationValidator validator, RegistrationPolicy policy,
      ProjectRepository projects, ProjectNodes nodes, ProjectLedger ledger,
      RuntimeService runtimeService, IdentityService identityService) {
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
    this.nodes = nodes;
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Transactional
  /** Returns the registered project's code. */
  public String register(Map<String, Object> body, String userId, Collection<String> groups) {
    if (!policy.mayRegisterAny(groups)) {
      throw new RegistrationForbiddenException("只有市重点办、县区首席服务官和系统管理员可以登记项目");
    }
    var request = validator.validateRequest(body);
    var registration = request.registration();
    if (!policy.mayRegister(groups, registration.county())) {
      throw new RegistrationForbiddenException(
          "只能登记本县区的项目，不能登记" + registration.county().displayName() + "的项目");
    }
    if (projects.exists(registration.code())) {
      throw new DuplicateProjectException(registration.code());
    }
    var start = request.start();
    try {
      if (start.node() == Node.LANDED) {
        startJointApproval(registration, userId, groups);
        if (start.investor() != null) {
          projects.sign(registration.code(), start.investor(), start.fortune500());
        }
      } else {
        registerPreparing(registration, start, userId);
      }
    } catch (DuplicateKeyException e) {
      // Two registrations of one code at the same moment: the primary key decides.
      throw new DuplicateProjectException(registration.code());
    }
    return registration.code();
  }

  private void startJointApproval(ProjectRegistration registration, String userId,
      Collection<String> groups) {
    // The starting user becomes the process's initiator and the ledger's "registered by".
    var previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, List.copyOf(groups));
    try {
      // Exactly the start form's fields: the engine's trust boundary checks them like any start.
      // Transient: they serve this transaction's checks and 登记项目台账, which stores them in the
      // ledger; stored as process variables too they cost three rows each and nobody read them.
      var fields = Variables.createVariables();
      registration.formVariables().forEach(
          (name, value) -> fields.putValueTyped(name, Variables.untypedValue(value, true)));
      runtimeService.startProcessInstanceByKey(PROCESS_KEY, registration.code(), fields);
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  private void registerPreparing(ProjectRegistration r, NodeRecording.Report start,
      String userId) {
    projects.insertPreparing(r, start.node(), start.investor(), start.fortune500(), userId,
        ClockUtil.getCurrentTime().toInstant());
    String signing = start.investor() == null ? null
        : "投资方 " + start.investor() + (start.fortune500() ? "（世界500强）" : "");
    nodes.reached(r.code(), start.node(), start.date(), userId,
        signing == null ? "登记时录入" : "登记时录入；" + signing);
    ledger.record(r.code(), "REGISTERED", null, userId,
        "登记项目“" + r.name() + "”（" + r.county().displayName() + "），当前节点 "
            + start.node().displayName() + "（" + start.date() + "），尚未土地摘牌；总投资 "
            + r.investment().toPlainString() + " 万元；责任人 " + r.responsibleCadre()
            + "，首席服务官 " + r.chiefServiceOfficer() + "，分包市领导 " + r.contractingLeader()
            + (signing == null ? "" : "；" + signing));
  }
}
