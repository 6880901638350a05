package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.approval.NodeReports;
import cn.kaifeng.jointapproval.problem.ProblemPolicy;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Project registration, the list, a project's state and its nodes (DOMAIN.md §6, §8.1). */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

  private final ProjectRegistrationService registration;
  private final ProjectViews views;
  private final ProjectRepository projects;
  private final ProjectAccess access;
  private final NodeReports nodes;
  private final ProjectList list;
  private final ProblemPolicy problemPolicy;

  public ProjectController(ProjectRegistrationService registration, ProjectViews views,
      ProjectRepository projects, ProjectAccess access, NodeReports nodes, ProjectList list,
      ProblemPolicy problemPolicy) {
    this.problemPolicy = problemPolicy;
    this.registration = registration;
    this.views = views;
    this.projects = projects;
    this.access = access;
    this.nodes = nodes;
    this.list = list;
  }

  /**
   * The registration and the view it answers are one transaction: should the read fail (the
   * database gone a moment after the registration), the registration rolls back with it, so that
   * a 503 means nothing was registered and a retry registers once.
   */
  @PostMapping
  @Transactional
  ResponseEntity<ProjectView> register(@RequestBody Map<String, Object> body,
      Authentication user) {
    var view = views.of(registration.register(body, user.getName(), groups(user)));
    return ResponseEntity.created(URI.create("/api/projects/" + view.code())).body(view);
  }

  /** The projects the user may read, filtered, sorted and paged (see {@link ProjectListQuery}). */
  @GetMapping
  ProjectSummary.Page list(@RequestParam Map<String, String> parameters, Authentication user) {
    return list.page(ProjectListQuery.parse(parameters),
        new ProjectList.Reader(user.getName(), groups(user)));
  }

  @GetMapping("/{code}")
  ProjectView get(@PathVariable String code, Authentication user) {
    var project = projects.get(code);
    if (!access.mayRead(user.getName(), groups(user), project)) {
      throw new ForbiddenException("无权查看项目 " + code + "：它不在本县区，没有本科室的事项，也不是您分包的项目");
    }
    return readerView(code, user);
  }

  /**
   * The project with only the problems the user may read one by one (a unit carrying out a
   * supervision case reads the project, not every problem of it).
   */
  private ProjectView readerView(String code, Authentication user) {
    var project = projects.get(code);
    var groups = groups(user);
    return views.of(code, p -> problemPolicy.mayRead(user.getName(), groups, project, p));
  }

  /** Records the next node of the project's life (DOMAIN.md §8.1); one transaction, as above. */
  @PostMapping("/{code}/nodes")
  @Transactional
  ProjectView recordNode(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    nodes.record(code, body, user.getName(), groups(user));
    return readerView(code, user);
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
