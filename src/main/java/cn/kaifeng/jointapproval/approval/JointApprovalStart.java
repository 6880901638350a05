package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts joint approval for a project whose land delisting was recorded after its registration:
 * the same process as a registration with {@code landDelistedOn} (same track and item decisions,
 * same clocks), started by the application itself under the project's code and without variables.
 * Its first step, 登记项目台账, finds the landed project in the ledger and takes every fact from
 * there ({@code RegisterProjectDelegate}).
 */
@Component
class JointApprovalStart {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  JointApprovalStart(RuntimeService runtimeService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** Returns the new instance's id. Call inside the transaction that recorded the delisting. */
  String start(String projectCode) {
    // Our own call, not the user's: a user's start of joint-approval is a registration and the
    // trust boundary refuses one of an existing code.
    var previous = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return runtimeService.startProcessInstanceByKey(ProjectRegistrationService.PROCESS_KEY,
          projectCode).getId();
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      }
    }
  }
}
