package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.identity.Roles;
import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

/**
 * Who may register a project (DOMAIN.md §6): the key projects office for any county, a county's
 * chief service officers for their own county, administrators for any.
 */
@Component
public class RegistrationPolicy {

  private static final Set<String> CITY_WIDE = Set.of(Groups.CAMUNDA_ADMIN,
      Roles.KEY_PROJECTS_OFFICE);

  /** Whether the groups may register projects at all. */
  public boolean mayRegisterAny(Collection<String> groups) {
    return groups.stream().anyMatch(g -> CITY_WIDE.contains(g) || g.startsWith("county-"));
  }

  public boolean mayRegister(Collection<String> groups, County county) {
    return groups.stream().anyMatch(g -> CITY_WIDE.contains(g) || g.equals(county.group()));
  }
}
