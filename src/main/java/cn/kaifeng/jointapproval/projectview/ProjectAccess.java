package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Who may read a project through the API: the city-wide roles every project; a county's chief
 * service officers their county's; an approval section the projects it has an item of, and a unit
 * the projects it carries out a meeting decision for; a city leader ({@code city-leader}) the
 * projects they contract (领导分包). The same lines Camunda's authorizations draw around tasks, and
 * the ones {@link ProjectList} draws in SQL.
 */
@Component
public class ProjectAccess {

  private final ProjectItemRepository items;
  private final SupervisionCaseRepository cases;

  public ProjectAccess(ProjectItemRepository items, SupervisionCaseRepository cases) {
    this.items = items;
    this.cases = cases;
  }

  public boolean mayRead(String userId, Collection<String> groups, Project project) {
    if (Roles.cityWide(groups) || groups.contains(project.county().group())) {
      return true;
    }
    if (groups.contains(Roles.CITY_LEADER) && userId.equals(project.registration()
        .contractingLeader())) {
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
