package cn.kaifeng.jointapproval.tasklist;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Grants of the grant matrices ({@link GrantMatrix}, {@link VariableGrantMatrix}), and their removal. */
final class GrantFixtures {

  private final AuthorizationService authorizations;

  GrantFixtures(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void grant(int type, String user, String group, Resource resource, String resourceId,
      Permission permission) {
    var authorization = authorizations.createNewAuthorization(type);
    if (user != null) {
      authorization.setUserId(user);
    }
    if (group != null) {
      authorization.setGroupId(group);
    }
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }

  /**
   * Deletes every grant of the matrix's users and their groups, and the '*' user's grants on the
   * matrix's own resources (the '*' user's and the global grants were given on those only).
   */
  void removeAll(Map<String, List<String>> users, Collection<String> resourceIds) {
    var userIds = users.keySet().toArray(String[]::new);
    var groups = users.values().stream().flatMap(List::stream).distinct()
        .toArray(String[]::new);
    authorizations.createAuthorizationQuery().userIdIn(userIds).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    authorizations.createAuthorizationQuery().groupIdIn(groups).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    authorizations.createAuthorizationQuery().userIdIn("*").list().stream()
        .filter(a -> resourceIds.contains(a.getResourceId()))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }
}
