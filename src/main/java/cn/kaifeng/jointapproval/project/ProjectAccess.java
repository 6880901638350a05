package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository;
import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

/**
 * Who may read a project through the API: the city-wide roles every project; a county's chief
 * service officers their county's; an approval section the projects it has an item of, and a unit
 * the projects it carries out a meeting decision for. The same lines Camunda's authorizations
 * draw around tasks.
 */
@Component
public class ProjectAccess {

  public static final Set<String> CITY_WIDE = Set.of(Groups.CAMUNDA_ADMIN,
      RegistrationPolicy.KEY_PROJECTS_OFFICE, "joint-review-platform", "executive-vice-mayor",
      "supervision-bureau");

  private final ProjectItemRepository items;
  private final SupervisionCaseRepository cases;

  public ProjectAccess(ProjectItemRepository items, SupervisionCaseRepository cases) {
    this.items = items;
    this.cases = cases;
  }

  public static boolean cityWide(Collection<String> groups) {
    return groups.stream().anyMatch(CITY_WIDE::contains);
  }

  public boolean mayRead(Collection<String> groups, Project project) {
    if (cityWide(groups) || groups.contains(project.county().group())) {
      return true;
    }
    if (items.ofProject(project.code()).stream()
        .anyMatch(item -> groups.contains(item.candidateGroup()))) {
      return true;
    }
    return cases.ofProject(project.code()).stream()
        .anyMatch(c -> groups.contains(c.responsibleUnit()));
  }
}
