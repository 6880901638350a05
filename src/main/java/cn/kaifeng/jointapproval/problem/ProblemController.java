package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The problem ledger (DOMAIN.md §8.6): raise, list, read one with its history. */
@RestController
@RequestMapping("/api/problems")
public class ProblemController {

  /** A page of the ledger. */
  public record Page(List<ProblemView> content, int page, int size, long totalElements) {}

  static final int MAX_SIZE = 200;
  static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

  private final ProblemRaising raising;
  private final ProblemRepository problems;
  private final ProblemViews views;
  private final ProblemPolicy policy;
  private final ProjectRepository projects;
  private final WeeklySheetRepository sheets;
  private final ProblemMeeting meeting;

  public ProblemController(ProblemRaising raising, ProblemRepository problems,
      ProblemViews views, ProblemPolicy policy, ProjectRepository projects,
      WeeklySheetRepository sheets, ProblemMeeting meeting) {
    this.meeting = meeting;
    this.sheets = sheets;
    this.raising = raising;
    this.problems = problems;
    this.views = views;
    this.policy = policy;
    this.projects = projects;
  }

  @PostMapping
  ResponseEntity<ProblemView> raise(@RequestBody Map<String, Object> body, Authentication user) {
    var problem = raising.raise(body, user.getName(), groups(user));
    return ResponseEntity.created(URI.create("/api/problems/" + problem.id()))
        .body(views.of(problem, true));
  }

  @GetMapping("/{id}")
  ProblemView get(@PathVariable String id, Authentication user) {
    var problem = problems.find(id).orElseThrow(
        () -> new ProblemNotFoundException(id));
    if (!policy.mayRead(user.getName(), groups(user), projects.get(problem.projectCode()),
        problem)) {
      throw new ForbiddenException("无权查看问题 " + id);
    }
    return views.of(problem, true);
  }

  /** Puts an overdue problem on the executive vice mayor's meeting agenda ({@link ProblemMeeting}). */
  @PostMapping("/{id}/meeting")
  ProblemView toMeeting(@PathVariable String id, @RequestBody Map<String, Object> body,
      Authentication user) {
    meeting.submit(id, body, user.getName(), groups(user));
    return views.of(problems.find(id).orElseThrow(), true);
  }

  /**
   * A week's list, and once issued its assignment sheet (交办单), unchanged: the city-wide roles
   * read every line, a unit the lines assigned to it.
   */
  @GetMapping("/sheets/{id}")
  Map<String, Object> sheet(@PathVariable String id, Authentication user) {
    var sheet = sheets.find(id).orElseThrow(() -> new SheetNotFoundException(id));
    var groups = groups(user);
    boolean all = Roles.cityWide(groups);
    var lines = sheets.lines(id).stream()
        .filter(l -> all || (l.responsibleUnit() != null && groups.contains(l.responsibleUnit())))
        .toList();
    if (!all && lines.isEmpty()) {
      throw new ForbiddenException("无权查看交办单 " + id + "：其中没有交本单位办理的问题");
    }
    var answer = new LinkedHashMap<String, Object>();
    answer.put("id", sheet.id());
    answer.put("closesAt", sheet.closesAt());
    answer.put("issued", sheet.issuedAt() != null);
    answer.put("issuedAt", sheet.issuedAt());
    answer.put("issuedBy", sheet.issuedBy());
    answer.put("lines", lines);
    return answer;
  }

  @GetMapping
  Page list(@RequestParam Map<String, String> query, Authentication user) {
    var errors = new LinkedHashMap<String, String>();
    var allowed = List.of("project", "county", "unit", "category", "level", "status", "overdue",
        "page", "size");
    query.keySet().stream().filter(k -> !allowed.contains(k))
        .forEach(k -> errors.put(k, "未知的查询条件"));
    var filter = new ProblemRepository.Filter(query.get("project"), query.get("county"),
        query.get("unit"), choice(ProblemCategory.class, query, "category", errors),
        choice(ProblemLevel.class, query, "level", errors),
        choice(ProblemStatus.class, query, "status", errors), overdue(query, errors));
    // Capped so that page * size (the SQL offset) stays a small, valid number.
    int page = number(query, "page", 0, 0, MAX_PAGE, errors);
    int size = number(query, "size", 20, 1, MAX_SIZE, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var groups = groups(user);
    var scope = new ProblemRepository.Scope(Roles.cityWide(groups), user.getName(), groups);
    var today = ChinaTime.today();
    var content = problems.page(filter, scope, today, page, size).stream()
        .map(p -> views.of(p, false)).toList();
    return new Page(content, page, size, problems.count(filter, scope, today));
  }

  private static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> query,
      String field, Map<String, String> errors) {
    String value = query.get(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.put(field, "未知的取值 " + value);
      return null;
    }
  }

  private static Boolean overdue(Map<String, String> query, Map<String, String> errors) {
    String value = query.get("overdue");
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.equals("true") && !value.equals("false")) {
      errors.put("overdue", "须为 true 或 false");
      return null;
    }
    return Boolean.valueOf(value);
  }

  private static int number(Map<String, String> query, String field, int fallback, int min,
      int max, Map<String, String> errors) {
    String value = query.get(field);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    errors.put(field, "须为 " + min + "–" + max + " 之间的整数");
    return fallback;
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
