package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.Project;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Who answers for a project and so may raise its problems (DOMAIN.md §8.3): its chief service
 * officer, its county, its contracting leader, an approval section with an item of it, the key
 * projects office (and administrators). Who reads a problem: those, the city-wide roles, and the
 * unit responsible for it.
 */
@Component
public class ProblemPolicy {

  private final ProjectItemRepository items;

  public ProblemPolicy(ProjectItemRepository items) {
    this.items = items;
  }

  public boolean mayRaise(String user, Collection<String> groups, Project project) {
    if (groups.contains(Roles.KEY_PROJECTS_OFFICE) || groups.contains("camunda-admin")
        || groups.contains(project.county().group())) {
      return true;
    }
    var registration = project.registration();
    if (user != null && (user.equals(registration.chiefServiceOfficer())
        || user.equals(registration.contractingLeader()))) {
      return true;
    }
    return items.ofProject(project.code()).stream()
        .anyMatch(item -> groups.contains(item.candidateGroup()));
  }

  public boolean mayRead(String user, Collection<String> groups, Project project,
      Problem problem) {
    return Roles.cityWide(groups) || mayRaise(user, groups, project)
        || (problem.responsibleUnit() != null && groups.contains(problem.responsibleUnit()));
  }
}
