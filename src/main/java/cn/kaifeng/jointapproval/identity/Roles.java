package cn.kaifeng.jointapproval.identity;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/** The group ids of DOMAIN.md §4 that code refers to, and the roles that see the whole city. */
public final class Roles {

  public static final String KEY_PROJECTS_OFFICE = "key-projects-office";
  public static final String JOINT_REVIEW_PLATFORM = "joint-review-platform";
  public static final String EXECUTIVE_VICE_MAYOR = "executive-vice-mayor";
  public static final String SUPERVISION_BUREAU = "supervision-bureau";
  /** City leaders who contract projects (领导分包, DOMAIN.md §8.2); each reads only their own. */
  public static final String CITY_LEADER = "city-leader";

  /** Who reads every project and every supervision case. */
  public static final Set<String> CITY_WIDE = Set.of(Groups.CAMUNDA_ADMIN, KEY_PROJECTS_OFFICE,
      JOINT_REVIEW_PLATFORM, EXECUTIVE_VICE_MAYOR, SUPERVISION_BUREAU);

  private Roles() {
  }

  public static boolean cityWide(Collection<String> groups) {
    return groups.stream().anyMatch(CITY_WIDE::contains);
  }
}
