package cn.kaifeng.jointapproval.projectview;

import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import cn.kaifeng.jointapproval.web.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The attributes the monthly evaluation scores (DOMAIN.md §8.1, §8.5):
 * {@code GET /api/projects/{code}/evaluation} for whoever may read the project, and
 * {@code PUT} of {@code provincialKey} (省重点) and {@code industryChain} ("8+1" 产业链) for the
 * key projects office only, since the province's and the city's lists are theirs to keep. Each
 * change is written to the project's ledger with who made it.
 */
@RestController
@RequestMapping("/api/projects/{code}/evaluation")
public class EvaluationAttributesController {

  /** What the evaluation reads about a project; {@code billion}: total investment ≥ 10 亿元. */
  public record Attributes(String code, boolean provincialKey, boolean industryChain,
      boolean fortune500, BigDecimal investment, boolean billion) {}

  private static final Set<String> FIELDS = Set.of("provincialKey", "industryChain");
  private static final BigDecimal BILLION = new BigDecimal("100000");

  private final ProjectRepository projects;
  private final ProjectAccess access;
  private final ProjectLedger ledger;
  private final JdbcClient jdbc;

  public EvaluationAttributesController(ProjectRepository projects, ProjectAccess access,
      ProjectLedger ledger, JdbcClient jdbc) {
    this.projects = projects;
    this.access = access;
    this.ledger = ledger;
    this.jdbc = jdbc;
  }

  @GetMapping
  @Transactional(readOnly = true)
  public Attributes get(@PathVariable String code, Authentication user) {
    var project = projects.get(code);
    if (!access.mayRead(user.getName(), groups(user), project)) {
      throw new ForbiddenException("无权查看项目 " + code);
    }
    return read(code);
  }

  @PutMapping
  @Transactional
  public Attributes set(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    var groups = groups(user);
    if (!groups.contains(Roles.KEY_PROJECTS_OFFICE) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new ForbiddenException("只有市重点办可以认定省重点项目和“8+1”产业链项目");
    }
    projects.get(code); // 404 for an unknown project
    Map<String, String> errors = new LinkedHashMap<>();
    body.keySet().stream().filter(k -> !FIELDS.contains(k))
        .forEach(k -> errors.put(k, "未知字段，可填 provincialKey、industryChain"));
    if (body.keySet().stream().noneMatch(FIELDS::contains)) {
      errors.put("provincialKey", "请至少填写 provincialKey 或 industryChain（true/false）");
    }
    for (String field : FIELDS) {
      if (body.containsKey(field) && !(body.get(field) instanceof Boolean)) {
        errors.put(field, "应为 true 或 false");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var before = read(code);
    boolean provincial = (Boolean) body.getOrDefault("provincialKey", before.provincialKey());
    boolean chain = (Boolean) body.getOrDefault("industryChain", before.industryChain());
    jdbc.sql("update project set provincial_key = :p, industry_chain = :c where code = :code")
        .param("p", provincial).param("c", chain).param("code", code).update();
    List<String> changes = new ArrayList<>();
    if (provincial != before.provincialKey()) {
      changes.add(provincial ? "认定为省重点项目" : "取消省重点项目认定");
    }
    if (chain != before.industryChain()) {
      changes.add(chain ? "认定为“8+1”产业链项目" : "取消“8+1”产业链项目认定");
    }
    if (!changes.isEmpty()) {
      ledger.record(code, "EVALUATION_ATTRIBUTES_SET", null, user.getName(),
          String.join("；", changes));
    }
    return read(code);
  }

  private Attributes read(String code) {
    return jdbc.sql("""
        select code, provincial_key, industry_chain, fortune500, investment from project
        where code = :code""").param("code", code)
        .query((rs, n) -> new Attributes(rs.getString("code"), rs.getBoolean("provincial_key"),
            rs.getBoolean("industry_chain"), rs.getBoolean("fortune500"),
            rs.getBigDecimal("investment"),
            rs.getBigDecimal("investment").compareTo(BILLION) >= 0))
        .single();
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
