package cn.kaifeng.jointapproval.projectview;




import cn.kaifeng.jointapproval.project.RegistrationPolicy;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.supervision.SupervisionCaseRepository;
import java.util.Collection;
import cn.kaifeng.jointapproval.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may read a project through the API: the city-wide roles every project; a county's chief
 * service officers their county's; an approval section the projects it has an item of, and a unit
 * the projects it carries out a meeting decision for. The same lines Camunda's authorizations
 * draw around tasks.
 */
@Component
public class ProjectAccess {

  private final ProjectItemRepository items;
  private final SupervisionCaseRepository cases;

  public ProjectAccess(ProjectItemRepository items, SupervisionCaseRepository cases) {
    this.items = items;
    this.cases = cases;
  }

  public boolean mayRead(Collection<String> groups, Project project) {
    if (Roles.cityWide(groups) || groups.contains(project.county().group())) {
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
