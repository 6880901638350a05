package cn.kaifeng.jointapproval.project;



import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a project through the API: checks who asks and what they send, then starts the joint
 * approval process. The process's first steps store the ledger, decide the track and items and
 * open every clock, all inside this one transaction, so a failure leaves nothing behind.
 */
@Service
public class ProjectRegistrationService {

  public static final String PROCESS_KEY = "joint-approval";

  private final RegistrationValidator validator;
  private final RegistrationPolicy policy;
  private final ProjectRepository projects;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public ProjectRegistrationService(RegistrationValidator validator, RegistrationPolicy policy,
      ProjectRepository projects, RuntimeService runtimeService,
      IdentityService identityService) {
    this.validator = validator;
    this.policy = policy;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Transactional
  /** Returns the registered project's code. */
  public String register(Map<String, Object> body, String userId, Collection<String> groups) {
    if (!policy.mayRegisterAny(groups)) {
      throw new RegistrationForbiddenException("只有市重点办、县区首席服务官和系统管理员可以登记项目");
    }
    var registration = validator.validateRequest(body);
    if (!policy.mayRegister(groups, registration.county())) {
      throw new RegistrationForbiddenException(
          "只能登记本县区的项目，不能登记" + registration.county().displayName() + "的项目");
    }
    if (projects.exists(registration.code())) {
      throw new DuplicateProjectException(registration.code());
    }
    // The starting user becomes the process's initiator and the ledger's "registered by".
    var previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, List.copyOf(groups));
    try {
      // Exactly the start form's fields: the engine's trust boundary checks them like any start.
      runtimeService.startProcessInstanceByKey(PROCESS_KEY, registration.code(),
          registration.formVariables());
    } catch (DuplicateKeyException e) {
      // Two registrations of one code at the same moment: the primary key decides.
      throw new DuplicateProjectException(registration.code());
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
    return registration.code();
  }
}
