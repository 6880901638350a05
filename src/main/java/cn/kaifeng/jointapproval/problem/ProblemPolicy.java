package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.approval.ProjectItemRepository;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectRepository;
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
  private final ProjectRepository projects;

  public ProblemPolicy(ProjectItemRepository items, ProjectRepository projects) {
    this.items = items;
    this.projects = projects;
  }

  /**
   * Whether a raise naming {@code projectCode} may go on to the field checks; checked before
   * them, so that a refusal does not tell an outsider whether the project exists. A code that
   * exists: {@link #mayRaise}. A code that does not: only the city-wide roles go on (and learn
   * "项目 X 不存在" from the field checks; they read every project anyway); everyone else is
   * refused exactly as for a real project they may not touch. No code (or not a text): nothing to
   * learn, the field checks name it.
   */
  public boolean mayAttemptRaise(Object projectCode, String user, Collection<String> groups) {
    if (!(projectCode instanceof String text) || text.isBlank()) {
      return true;
    }
    return projects.find(text.strip()).map(project -> mayRaise(user, groups, project))
        .orElseGet(() -> Roles.cityWide(groups));
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
