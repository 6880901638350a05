package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.identity.Roles;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who reads what. A published report goes to every county, department and leader, so anyone
 * logged in reads it, and the longer periods computed on request. Drafts, and a month or year
 * computed before its report is published, are for the city-wide roles and the leaders; only
 * the key projects office (or an administrator) asks for a new version.
 */
@Component
public class ReportAccess {

  public boolean readsUnpublished(Authentication user) {
    var groups = groups(user);
    return Roles.cityWide(groups) || groups.contains(Roles.CITY_LEADER);
  }

  public boolean requestsVersions(Authentication user) {
    var groups = groups(user);
    return groups.contains(Roles.KEY_PROJECTS_OFFICE)
        || groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
