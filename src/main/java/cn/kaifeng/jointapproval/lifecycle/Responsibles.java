package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Project;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The people a project's lifecycle tells and asks (DOMAIN.md §8.2): its named chief service
 * officer, a user id (older projects hold a name: then the county's officers as a group), and its
 * contracting city leader, a user id (none when the ledger holds a name that is no user).
 */
@Component
public class Responsibles {

  /** Who receives: users and groups. */
  public record Recipients(List<String> users, List<String> groups) {}

  private final IdentityService identityService;

  public Responsibles(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The chief service officer's user id when it is a user. */
  public Optional<String> chiefServiceOfficer(Project project) {
    return user(project.registration().chiefServiceOfficer());
  }

  public Optional<String> leader(Project project) {
    return user(project.registration().contractingLeader());
  }

  /** The chief service officer (or, failing a user, the county's group) and the leader. */
  public Recipients officerAndLeader(Project project) {
    var users = new java.util.ArrayList<String>();
    var groups = new java.util.ArrayList<String>();
    chiefServiceOfficer(project).ifPresentOrElse(users::add,
        () -> groups.add(project.county().group()));
    leader(project).filter(id -> !users.contains(id)).ifPresent(users::add);
    return new Recipients(List.copyOf(users), List.copyOf(groups));
  }

  /** The chief service officer, or the county's group. */
  public Recipients officer(Project project) {
    return chiefServiceOfficer(project)
        .map(id -> new Recipients(List.of(id), List.<String>of()))
        .orElseGet(() -> new Recipients(List.of(), List.of(project.county().group())));
  }

  private Optional<String> user(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return identityService.createUserQuery().userId(id).count() > 0 ? Optional.of(id)
        : Optional.empty();
  }
}
