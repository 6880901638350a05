package cn.kaifeng.jointapproval.trust;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own API ({@code /api}) attacked by a user of every role: registrations that carry
 * more than the registration, in another county, twice, and calendar loads. Refused with the
 * status that says why, and nothing changes.
 */
class ProjectApiAttackIT extends AttackTestBase {

  static List<String> roles() {
    return ROLES;
  }

  private static Map<String, Object> registration(String county) {
    var body = ProjectFixtures.body(ProjectFixtures.newCode("API"),
        ChinaTime.today().minusDays(1).toString());
    body.put("county", county);
    // The chief service officer is a user of the project's county (issue 16).
    body.put("chiefServiceOfficer", "cso-" + county);
    return body;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void whatTheApiDoesNotAcceptChangesNothing(String role) {
    boolean registrar = Set.of("keyoffice", "cso-lankao").contains(role);
    String existing = project();

    var extra = registration("lankao");
    extra.put("candidateGroup", "approval-wlj");
    extra.put("itemCode", "fgw-proposal");
    var missing = registration("lankao");
    missing.remove("landDelistedOn");
    missing.put("investment", "很多");
    var duplicate = registration("lankao");
    duplicate.put("code", existing);

    record Attempt(String name, String method, String path, Object body, Set<Integer> expected) {
    }
    List<Attempt> attempts = List.of(
        new Attempt("register with process variables", "POST", "/api/projects", extra,
            registrar ? Set.of(400) : Set.of(403)),
        new Attempt("register with missing and wrong fields", "POST", "/api/projects", missing,
            registrar ? Set.of(400) : Set.of(403)),
        new Attempt("register in another county", "POST", "/api/projects",
            registration("qixian"), "keyoffice".equals(role) ? Set.of(201) : Set.of(403)),
        new Attempt("register a code twice", "POST", "/api/projects", duplicate,
            registrar ? Set.of(409) : Set.of(403)),
        new Attempt("load a calendar year", "PUT", "/api/calendar/years/2027",
            Map.of("year", 2027, "days", List.of()), Set.of(403)));

    for (Attempt attempt : attempts) {
      var before = snapshot();
      var response = call(role, attempt.method(), attempt.path(), attempt.body());
      assertThat(response.statusCode()).as(role + ": " + attempt.name() + " → " + response.body())
          .isIn(attempt.expected());
      if (response.statusCode() >= 400) {
        var problem = assertProblem(response, response.statusCode());
        if (response.statusCode() == 400) {
          assertThat(fields(problem)).isNotEmpty();
        }
        assertThat(snapshot()).as(role + ": " + attempt.name() + " changed something")
            .isEqualTo(before);
      }
    }
  }

  @Test
  void aRegistrationNamesEveryBadFieldAtOnce() {
    var body = registration("atlantis");
    body.put("candidateGroup", "approval-wlj");
    body.put("investment", -1);
    var before = snapshot();
    var problem = assertProblem(call("keyoffice", "POST", "/api/projects", body), 400);
    assertThat(fields(problem)).contains("candidateGroup", "county", "investment");
    assertThat(snapshot()).isEqualTo(before);
  }
}
