package cn.kaifeng.jointapproval.board;

import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.County;
import cn.kaifeng.jointapproval.projectview.ProjectList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who looks at a map: the user, their groups, and what follows from them. */
record BoardReader(String userId, List<String> groups) {

  static BoardReader of(Authentication user) {
    return new BoardReader(user.getName(),
        user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  ProjectList.Reader asListReader() {
    return new ProjectList.Reader(userId, groups);
  }

  boolean cityWide() {
    return Roles.cityWide(groups);
  }

  /** The counties whose group the reader belongs to (a county's chief service officers). */
  List<County> counties() {
    return Arrays.stream(County.values()).filter(c -> groups.contains(c.group())).toList();
  }

  boolean leader() {
    return groups.contains(Roles.CITY_LEADER);
  }

  /** Only the key projects office sets the counties' yearly targets. */
  boolean setsTargets() {
    return groups.contains(Roles.KEY_PROJECTS_OFFICE);
  }
}
