package cn.kaifeng.jointapproval.projectview;







import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.projectview.ProjectView;
import cn.kaifeng.jointapproval.projectview.ProjectViews;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectRegistrationService;
import cn.kaifeng.jointapproval.projectview.ProjectAccess;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.approval.ConstructionStarts;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Project registration and state (DOMAIN.md §6). */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

  private final ProjectRegistrationService registration;
  private final ProjectViews views;
  private final ProjectRepository projects;
  private final ProjectAccess access;
  private final ConstructionStarts starts;

  public ProjectController(ProjectRegistrationService registration, ProjectViews views,
      ProjectRepository projects, ProjectAccess access, ConstructionStarts starts) {
    this.starts = starts;
    this.registration = registration;
    this.views = views;
    this.projects = projects;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<ProjectView> register(@RequestBody Map<String, Object> body,
      Authentication user) {
    var view = views.of(registration.register(body, user.getName(), groups(user)));
    return ResponseEntity.created(URI.create("/api/projects/" + view.code())).body(view);
  }

  @GetMapping("/{code}")
  ProjectView get(@PathVariable String code, Authentication user) {
    var project = projects.get(code);
    if (!access.mayRead(groups(user), project)) {
      throw new ForbiddenException("无权查看项目 " + code + "：它不在本县区，也没有本科室的事项");
    }
    return views.of(code);
  }

  /** Records a node of the project's life; today the construction start (DOMAIN.md §8.1). */
  @PostMapping("/{code}/nodes")
  ProjectView recordNode(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    starts.record(code, body, user.getName(), groups(user));
    return views.of(code);
  }

  private static java.util.List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
