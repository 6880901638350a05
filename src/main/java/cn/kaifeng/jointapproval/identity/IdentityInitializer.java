package cn.kaifeng.jointapproval.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, at every start and on every node, whatever groups (every profile) and demo users (demo
 * only) are missing. Idempotent; a row another node inserted at the same moment is not an error.
 * Existing users and groups are never changed, so edits made in Camunda Admin survive restarts.
 */
@Component
@Order(0)
public class IdentityInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityInitializer.class);
  static final String DEMO_PASSWORD = "demo";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final IdentityCatalog catalog;
  private final IdentityProperties properties;

  public IdentityInitializer(IdentityService identityService,
      AuthorizationService authorizationService, IdentityCatalog catalog,
      IdentityProperties properties) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.catalog = catalog;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    int groups = 0;
    for (var entry : catalog.groups()) {
      groups += ensureGroup(entry) ? 1 : 0;
    }
    grantAdministratorsEverything();
    int grants = 0;
    for (var grant : catalog.grants()) {
      grants += ensureGrant(grant) ? 1 : 0;
    }
    int users = 0;
    if (properties.admin().configured()) {
      var admin = properties.admin();
      users += ensureUser(new IdentityCatalog.UserEntry(admin.id(), "系统", "管理员",
          List.of(Groups.CAMUNDA_ADMIN, "process-designer")), admin.password(),
          admin.email()) ? 1 : 0;
    }
    if (properties.demoUsers()) {
      for (var entry : catalog.demoUsers()) {
        users += ensureUser(entry, DEMO_PASSWORD, entry.email()) ? 1 : 0;
      }
    }
    log.info("Identity bootstrap: {} groups, {} authorizations, {} users created (demo users {})",
        groups, grants, users, properties.demoUsers() ? "enabled" : "disabled");
  }

  private boolean ensureGroup(IdentityCatalog.GroupEntry entry) {
    if (identityService.createGroupQuery().groupId(entry.id()).count() > 0) {
      return false;
    }
    var group = identityService.newGroup(entry.id());
    group.setName(entry.name());
    group.setType(entry.type());
    return saveIgnoringRace(() -> identityService.saveGroup(group), "group " + entry.id(),
        () -> identityService.createGroupQuery().groupId(entry.id()).count() > 0);
  }

  private boolean ensureUser(IdentityCatalog.UserEntry entry, String password, String email) {
    if (identityService.createUserQuery().userId(entry.id()).count() > 0) {
      return false;
    }
    var user = identityService.newUser(entry.id());
    user.setFirstName(entry.firstName());
    user.setLastName(entry.lastName());
    user.setEmail(email);
    user.setPassword(password);
    if (!saveIgnoringRace(() -> identityService.saveUser(user), "user " + entry.id(),
        () -> identityService.createUserQuery().userId(entry.id()).count() > 0)) {
      return false;
    }
    for (String group : entry.groups()) {
      identityService.createMembership(entry.id(), group);
    }
    return true;
  }

  /** A role's standing permission; an existing one for the same resource is left as it is. */
  private boolean ensureGrant(IdentityCatalog.GrantEntry grant) {
    var resource = Resources.valueOf(grant.resource());
    BooleanSupplier exists = () -> authorizationService.createAuthorizationQuery()
        .groupIdIn(grant.groupId()).resourceType(resource).resourceId(grant.resourceId())
        .count() > 0;
    if (exists.getAsBoolean()) {
      return false;
    }
    var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(grant.groupId());
    authorization.setResource(resource);
    authorization.setResourceId(grant.resourceId());
    for (String permission : grant.permissions()) {
      authorization.addPermission(Permissions.valueOf(permission));
    }
    return saveIgnoringRace(() -> authorizationService.saveAuthorization(authorization),
        "authorization " + grant, exists);
  }

  /** The camunda-admin group holds every permission on every resource, as Camunda's own admin does. */
  private void grantAdministratorsEverything() {
    for (Resource resource : Resources.values()) {
      boolean granted = authorizationService.createAuthorizationQuery()
          .groupIdIn(Groups.CAMUNDA_ADMIN).resourceType(resource).resourceId(ANY).count() > 0;
      if (!granted) {
        var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(Groups.CAMUNDA_ADMIN);
        authorization.setResource(resource);
        authorization.setResourceId(ANY);
        authorization.addPermission(Permissions.ALL);
        saveIgnoringRace(() -> authorizationService.saveAuthorization(authorization),
            "administrator authorization on " + resource.resourceName(),
            () -> authorizationService.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                .resourceType(resource).resourceId(ANY).count() > 0);
      }
    }
  }

  /**
   * Two nodes starting together both see a row missing and the loser's insert fails: that is fine
   * when the row now exists. Any other failure is real and stops the start.
   */
  private static boolean saveIgnoringRace(Runnable save, String what, BooleanSupplier exists) {
    try {
      save.run();
      return true;
    } catch (ProcessEngineException e) {
      if (!exists.getAsBoolean()) {
        throw e;
      }
      log.info("Skipped {}: created concurrently by another node", what);
      return false;
    }
  }
}
