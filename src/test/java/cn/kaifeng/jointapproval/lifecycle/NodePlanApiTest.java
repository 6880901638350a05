package cn.kaifeng.jointapproval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** PUT /api/projects/{code}/plan: versions with their history, and every refusal. */
class NodePlanApiTest extends LifecycleTestSupport {

  static final LocalDate TODAY = LocalDate.parse("2025-03-03");

  @BeforeEach
  void setUp() {
    today(TODAY);
  }

  private String signedProject() {
    return project("SIGNED", "cso-lankao", "leader-1",
        Map.of("SIGNED", LocalDate.parse("2025-02-10")));
  }

  private ResponseEntity<JsonNode> plan(String user, String code, Map<String, Object> body) {
    return send(HttpMethod.PUT, user, "/api/projects/" + code + "/plan", body);
  }

  private static Map<String, Object> body(Object investment, Map<String, Object> nodes) {
    var body = new HashMap<String, Object>();
    body.put("year", 2025);
    body.put("investment", investment);
    body.put("nodes", nodes);
    return body;
  }

  @Test
  void everyChangeIsANewVersionWithWhoWhenAndWhatAndTheSamePlanAgainChangesNothing() {
    String code = signedProject();

    var first = plan("cso-lankao", code, body(30000, Map.of("LANDED", "2025-04-01",
        "STARTED", "2025-06-01", "COMPLETED", "2026-06-30")));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody().get("version").asInt()).isEqualTo(1);
    assertThat(first.getBody().get("plannedInvestment").decimalValue()).isEqualByComparingTo("30000");
    assertThat(first.getBody().get("nodes").findValuesAsText("node"))
        .containsExactly("LANDED", "STARTED", "COMPLETED");

    var again = plan("cso-lankao", code, body(30000, Map.of("LANDED", "2025-04-01",
        "STARTED", "2025-06-01", "COMPLETED", "2026-06-30")));
    assertThat(again.getBody().get("version").asInt()).isEqualTo(1);

    today(TODAY.plusDays(2));
    var changed = plan("keyoffice", code, body(32000.5, Map.of("LANDED", "2025-04-01",
        "STARTED", "2025-07-01")));
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changed.getBody().get("version").asInt()).isEqualTo(2);
    assertThat(changed.getBody().get("changedBy").asText()).isEqualTo("keyoffice");

    var view = get("keyoffice", code).get("plan");
    assertThat(view.get("year").asInt()).isEqualTo(2025);
    assertThat(view.get("version").asInt()).isEqualTo(2);
    assertThat(view.get("history")).hasSize(2);
    assertThat(view.get("history").get(0).get("changedBy").asText()).isEqualTo("cso-lankao");
    assertThat(view.get("history").get(0).get("changes").asText())
        .contains("年度计划投资 30000 万元").contains("开工 2025-06-01");
    assertThat(view.get("history").get(1).get("changes").asText())
        .contains("年度计划投资 30000 → 32000.5 万元").contains("开工 2025-06-01 → 2025-07-01")
        .contains("竣工 取消（原 2026-06-30）");
    var history = views.of(code).history();
    assertThat(history).extracting(e -> e.event()).containsExactly("PLAN_SET", "PLAN_CHANGED");
    assertThat(history).extracting(e -> e.actor()).containsExactly("cso-lankao", "keyoffice");
    // The project page: investment planned for the year, nothing completed yet.
    var investment = get("keyoffice", code).get("investmentProgress");
    assertThat(investment.get("planned").decimalValue()).isEqualByComparingTo("32000.5");
    assertThat(investment.get("completed").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() {
    String code = signedProject();
    plan("cso-lankao", code, body(30000, Map.of("STARTED", "2025-06-01")));
    var before = views.of(code).history().size();

    assertRefused(plan("cso-lankao", code, body(1, Map.of("FINISHED", "2025-06-01"))),
        "nodes.FINISHED");
    assertRefused(plan("cso-lankao", code, body(1, Map.of("SIGNED", "2025-06-01"))),
        "nodes.SIGNED");
    assertRefused(plan("cso-lankao", code, body(1, Map.of("LANDED", "2025-07-01",
        "STARTED", "2025-06-01"))), "nodes.STARTED");
    assertRefused(plan("cso-lankao", code, body(1, Map.of("LANDED", "2025-02-01"))),
        "nodes.LANDED");
    assertRefused(plan("cso-lankao", code, body(1, Map.of("LANDED", "4月1日"))),
        "nodes.LANDED");
    assertRefused(plan("cso-lankao", code, body(-1, Map.of())), "investment");
    assertRefused(plan("cso-lankao", code, body("很多", Map.of())), "investment");
    var unknown = body(1, Map.of());
    unknown.put("budget", 5);
    assertRefused(plan("cso-lankao", code, unknown), "budget");
    var noYear = body(1, Map.of());
    noYear.remove("year");
    assertRefused(plan("cso-lankao", code, noYear), "year");
    var lastYear = body(1, Map.of());
    lastYear.put("year", 2024);
    assertRefused(plan("cso-lankao", code, lastYear), "year");

    for (String outsider : new String[] {"cso-longting", "officer-fgw", "leader-1"}) {
      assertThat(plan(outsider, code, body(1, Map.of())).getStatusCode())
          .as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(plan("keyoffice", "NO-SUCH-PROJECT", body(1, Map.of())).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    var plan = get("keyoffice", code).get("plan");
    assertThat(plan.get("version").asInt()).isEqualTo(1);
    assertThat(plan.get("plannedInvestment").decimalValue()).isEqualByComparingTo("30000");
    assertThat(views.of(code).history()).hasSize(before);
  }

  private static void assertRefused(ResponseEntity<JsonNode> response, String field) {
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
        .as(response.getBody().toString()).contains(field);
  }
}
