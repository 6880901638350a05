package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.identity.IdentityCatalog;
import cn.kaifeng.jointapproval.identity.Roles;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which groups may be a problem's responsible unit: an approval section ({@code approval-*}), a
 * county government ({@code county-*}) or a city department group (the joint review platform's
 * 政务服务和大数据管理局, the key projects office); not leaders, the meeting or the bureau.
 */
@Component
public class ProblemUnits {

  private static final Set<String> CITY_DEPARTMENTS = Set.of(Roles.JOINT_REVIEW_PLATFORM,
      Roles.KEY_PROJECTS_OFFICE);

  private final Set<String> units;
  private final Map<String, String> names;

  public ProblemUnits(IdentityCatalog catalog) {
    this.names = catalog.groupNames();
    this.units = catalog.groups().stream().map(IdentityCatalog.GroupEntry::id)
        .filter(g -> g.startsWith("approval-") || g.startsWith("county-")
            || CITY_DEPARTMENTS.contains(g))
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isUnit(String groupId) {
    return groupId != null && units.contains(groupId);
  }

  public String name(String groupId) {
    return groupId == null ? "" : names.getOrDefault(groupId, groupId);
  }
}
