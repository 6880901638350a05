package cn.kaifeng.jointapproval.project;

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

  public ProjectController(ProjectRegistrationService registration, ProjectViews views) {
    this.registration = registration;
    this.views = views;
  }

  @PostMapping
  ResponseEntity<ProjectView> register(@RequestBody Map<String, Object> body,
      Authentication user) {
    var groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    var view = registration.register(body, user.getName(), groups);
    return ResponseEntity.created(URI.create("/api/projects/" + view.code())).body(view);
  }

  @GetMapping("/{code}")
  ProjectView get(@PathVariable String code) {
    return views.of(code);
  }
}
