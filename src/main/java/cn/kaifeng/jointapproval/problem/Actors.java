package cn.kaifeng.jointapproval.problem;

import org.camunda.bpm.engine.IdentityService;

/** Who does what a step records: the authenticated user, else the completer the model noted. */
final class Actors {

  private Actors() {}

  static String current(IdentityService identityService, Object completedBy) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return completedBy instanceof String s ? s : null;
  }
}
