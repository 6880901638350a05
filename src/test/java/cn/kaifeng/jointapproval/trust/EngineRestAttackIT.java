package cn.kaifeng.jointapproval.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Camunda's REST API ({@code /engine-rest}, HTTP Basic) attacked by a user of every role: every
 * write it offers outside a form, and form submissions that carry more than the form. Each is
 * refused with the status that says why, and the ledger, the clocks and the engine's state are
 * exactly as before.
 */
class EngineRestAttackIT extends AttackTestBase {

  private static String code;
  private static String otherCode;
  /** Role → the task it attacks: its own where it has one, else the 发改委 section's. */
  private static Map<String, JsonNode> tasks;
  private static JsonNode fgwTask;
  private static String timerJob;

  @BeforeAll
  static void projects() {
    code = project();
    otherCode = project();
    fgwTask = task(code, "approval-fgw");
    JsonNode wlj = task(code, "approval-wlj");
    // A return gives the county a supplement task, a flag gives the platform a coordination task.
    complete(task(code, "approval-sthj").get("id").asText(),
        Map.of("outcome", "RETURNED", "opinion", "请补充环评报告"));
    complete(task(code, "approval-lyj").get("id").asText(),
        Map.of("outcome", "NEEDS_COORDINATION", "opinion", "林地指标需市级协调"));
    tasks = Map.of(
        "officer-fgw", fgwTask,
        "officer-wlj", wlj,
        "cso-lankao", task(code, "county-lankao"),
        "coordinator", task(code, "joint-review-platform"));
    timerJob = read(call("demo", "GET", "/engine-rest/job?timers=true&processInstanceId="
        + fgwTask.get("processInstanceId").asText(), null)).get(0).get("id").asText();
  }

  static List<String> roles() {
    return ROLES;
  }

  /**
   * An open (first-stage) item of the group. Ordered, because a section may also have a
   * later-stage item still PLANNED, and without an order PostgreSQL's plan decides which comes
   * first (the heap order once autovacuum has analyzed the table).
   */
  private static String itemCodeOf(String projectCode, String group) {
    return jdbc().sql("select item_code from project_item where project_code = ? and"
            + " candidate_group = ? order by stage, item_code").params(projectCode, group)
        .query(String.class).list().get(0);
  }

  /** The case of the issue: 文旅局 signs for the 发改委 section's item. Refused, nothing changes. */
  @Test
  void anOfficerCannotSignForAnotherDepartmentsItem() {
    var before = snapshot();
    String wljTask = tasks.get("officer-wlj").get("id").asText();
    String fgwItem = itemCodeOf(code, "approval-fgw");
    for (String endpoint : List.of("complete", "submit-form")) {
      var response = call("officer-wlj", "POST", "/engine-rest/task/" + wljTask + "/" + endpoint,
          variables("outcome", "APPROVED", "opinion", "同意", "itemCode", fgwItem,
              "projectCode", otherCode));
      var problem = assertProblem(response, 400);
      assertThat(fields(problem)).contains("itemCode", "projectCode")
          .doesNotContain("outcome", "opinion");
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(jdbc().sql("select status from project_item where project_code = ? and"
        + " item_code = ?").params(code, fgwItem).query(String.class).single())
        .isEqualTo("OPEN");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void everyWriteOutsideItsFormIsRefusedAndChangesNothing(String role) {
    JsonNode task = tasks.getOrDefault(role, fgwTask);
    boolean candidate = tasks.containsKey(role);
    boolean registrar = Set.of("keyoffice", "cso-lankao").contains(role);
    String t = task.get("id").asText();
    String instance = task.get("processInstanceId").asText();
    String execution = task.get("executionId").asText();
    String otherItem = itemCodeOf(otherCode, "approval-fgw");

    record Attempt(String name, String method, String path, Object body, Set<Integer> expected) {
    }
    Set<Integer> forbidden = Set.of(403);
    Set<Integer> taskWrite = candidate ? Set.of(400) : Set.of(403, 404);
    List<Attempt> attempts = new ArrayList<>(List.of(
        new Attempt("complete with another item's code", "POST", "/engine-rest/task/" + t
            + "/complete", variables("itemCode", otherItem), taskWrite),
        new Attempt("submit-form with another project's code", "POST", "/engine-rest/task/" + t
            + "/submit-form", variables("projectCode", otherCode), taskWrite),
        new Attempt("resolve with a deadline id", "POST", "/engine-rest/task/" + t + "/resolve",
            variables("deadlineId", "item:" + otherCode + ":x"), candidate ? Set.of(400)
            : Set.of(400, 403, 404)),
        new Attempt("set a task variable", "PUT", "/engine-rest/task/" + t + "/variables/itemCode",
            Map.of("value", otherItem, "type", "String"), forbidden),
        new Attempt("modify task variables", "POST", "/engine-rest/task/" + t + "/variables",
            Map.of("modifications", Map.of("candidateGroup", Map.of("value", "approval-wlj"))),
            forbidden),
        new Attempt("delete a task variable", "DELETE", "/engine-rest/task/" + t
            + "/variables/projectCode", null, forbidden),
        new Attempt("set a task-local variable", "PUT", "/engine-rest/task/" + t
            + "/localVariables/dueOn", Map.of("value", "2099-01-01"), forbidden),
        new Attempt("set an execution's local variable", "PUT", "/engine-rest/execution/"
            + execution + "/localVariables/itemCode", Map.of("value", otherItem), forbidden),
        new Attempt("modify instance variables", "POST", "/engine-rest/process-instance/"
            + instance + "/variables", Map.of("modifications", Map.of("itemCode",
            Map.of("value", otherItem))), forbidden),
        new Attempt("set an instance variable", "PUT", "/engine-rest/process-instance/"
            + instance + "/variables/autoEscalated", Map.of("value", true), forbidden),
        new Attempt("delete an instance variable", "DELETE", "/engine-rest/process-instance/"
            + instance + "/variables/itemCode", null, forbidden),
        new Attempt("correlate a message", "POST", "/engine-rest/message", Map.of(
            "messageName", "MatterCarriedOut", "all", true), forbidden),
        new Attempt("throw a signal", "POST", "/engine-rest/signal", Map.of("name", "any"),
            forbidden),
        new Attempt("modify the instance", "POST", "/engine-rest/process-instance/" + instance
            + "/modification", Map.of("instructions", List.of(Map.of("type", "cancel",
            "activityId", task.get("taskDefinitionKey").asText()))), forbidden),
        new Attempt("suspend the instance", "PUT", "/engine-rest/process-instance/" + instance
            + "/suspended", Map.of("suspended", true), forbidden),
        new Attempt("delete the instance", "DELETE", "/engine-rest/process-instance/" + instance,
            null, forbidden),
        new Attempt("set job retries", "PUT", "/engine-rest/job/" + timerJob + "/retries",
            Map.of("retries", 0), forbidden),
        new Attempt("set a job due date", "PUT", "/engine-rest/job/" + timerJob + "/duedate",
            Map.of("duedate", "2099-01-01T00:00:00.000+0000"), forbidden),
        new Attempt("set a job priority", "PUT", "/engine-rest/job/" + timerJob + "/priority",
            Map.of("priority", 99), forbidden),
        new Attempt("execute a timer now", "POST", "/engine-rest/job/" + timerJob + "/execute",
            null, forbidden),
        new Attempt("throw a BPMN error from the task", "POST", "/engine-rest/task/" + t
            + "/bpmnError", Map.of("errorCode", "x", "variables", Map.of("itemCode",
            Map.of("value", otherItem))), forbidden),
        new Attempt("add a candidate group", "POST", "/engine-rest/task/" + t + "/identity-links",
            Map.of("groupId", "approval-wlj", "type", "candidate"), forbidden),
        new Attempt("start supervision directly", "POST",
            "/engine-rest/process-definition/key/supervision/start", variables("matterId", "M-1"),
            forbidden),
        new Attempt("register with an extra variable", "POST",
            "/engine-rest/process-definition/key/joint-approval/start",
            startBody(Map.of("candidateGroup", "approval-wlj")),
            registrar ? Set.of(400) : forbidden),
        new Attempt("register with missing fields", "POST",
            "/engine-rest/process-definition/key/joint-approval/submit-form",
            variables("name", "缺项目代码的项目"), registrar ? Set.of(400) : forbidden),
        new Attempt("start at an activity", "POST",
            "/engine-rest/process-definition/key/joint-approval/start",
            Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "completeProject"))), forbidden)));

    for (Attempt attempt : attempts) {
      var before = snapshot();
      var response = call(role, attempt.method(), attempt.path(), attempt.body());
      assertThat(response.statusCode()).as(role + ": " + attempt.name() + " → " + response.body())
          .isIn(attempt.expected());
      assertProblem(response, response.statusCode());
      assertThat(snapshot()).as(role + ": " + attempt.name() + " changed something")
          .isEqualTo(before);
    }
  }

  /** A full registration as the start form sends it, plus what is added. */
  private static Map<String, Object> startBody(Map<String, Object> extra) {
    var body = new java.util.LinkedHashMap<String, Object>();
    var registration = cn.kaifeng.jointapproval.support.ProjectFixtures.body(
        cn.kaifeng.jointapproval.support.ProjectFixtures.newCode("REST"),
        cn.kaifeng.jointapproval.calendar.ChinaTime.today().minusDays(1).toString());
    registration.putAll(extra);
    registration.forEach((key, value) -> body.put(key, Map.of("value", value)));
    return Map.of("variables", body);
  }

  @Test
  void aRegistrationWithMissingOrBadFieldsNamesThemAndStartsNothing() {
    var before = snapshot();
    var response = call("keyoffice", "POST",
        "/engine-rest/process-definition/key/joint-approval/submit-form",
        variables("name", "某项目", "county", "atlantis", "investment", -5));
    var problem = assertProblem(response, 400);
    assertThat(fields(problem)).contains("code", "county", "landDelistedOn", "investment",
        "responsibleCadre", "chiefServiceOfficer", "contractingLeader");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aValidRegistrationThroughTheRestApiStartsTheProject() {
    var response = call("keyoffice", "POST",
        "/engine-rest/process-definition/key/joint-approval/start", startBody(Map.of()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String businessKey = read(response).get("businessKey").asText();
    assertThat(jdbc().sql("select registered_by from project where code = ?").param(businessKey)
        .query(String.class).single()).isEqualTo("keyoffice");
    // Another county's officer may not register in Lankao, however the start is sent.
    var refused = call("cso-qixian", "POST",
        "/engine-rest/process-definition/key/joint-approval/start", startBody(Map.of()));
    assertProblem(refused, 403);
  }

  @Test
  void anOpinionOfMoreThan2000CharactersIsRefusedOnEveryRestPath() {
    String fresh = project();
    String task = task(fresh, "approval-fgw").get("id").asText();
    var before = snapshot();
    for (String endpoint : List.of("complete", "submit-form", "resolve")) {
      var response = call("officer-fgw", "POST", "/engine-rest/task/" + task + "/" + endpoint,
          variables("outcome", "APPROVED", "opinion", "意".repeat(2001)));
      var problem = assertProblem(response, 400);
      assertThat(fields(problem)).containsExactly("opinion");
      assertThat(problem.toString()).contains("2000");
    }
    assertThat(snapshot()).isEqualTo(before);
    // 2,000 is the form's limit, and it is accepted.
    var ok = call("officer-fgw", "POST", "/engine-rest/task/" + task + "/complete",
        variables("outcome", "APPROVED", "opinion", "意".repeat(2000)));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
  }

  @Test
  void aCompletedTaskAnswers409AMissingOne404AndAWrongValue400() {
    String fresh = project();
    String task = task(fresh, "approval-fgw").get("id").asText();
    var wrongValue = call("officer-fgw", "POST", "/engine-rest/task/" + task + "/complete",
        variables("outcome", "SIGNED_BY_SOMEONE", "opinion", 42));
    assertThat(fields(assertProblem(wrongValue, 400))).containsExactlyInAnyOrder("outcome",
        "opinion");
    var returnedWithoutReason = call("officer-fgw", "POST", "/engine-rest/task/" + task
        + "/complete", variables("outcome", "RETURNED", "opinion", " "));
    assertThat(fields(assertProblem(returnedWithoutReason, 400))).containsExactly("opinion");

    var done = call("officer-fgw", "POST", "/engine-rest/task/" + task + "/complete",
        variables("outcome", "APPROVED", "opinion", "同意"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertProblem(call("officer-fgw", "POST", "/engine-rest/task/" + task + "/complete",
        variables("outcome", "APPROVED", "opinion", "同意")), 409);
    assertProblem(call("officer-fgw", "POST", "/engine-rest/task/no-such-task/complete",
        variables("outcome", "APPROVED", "opinion", "同意")), 404);
    assertProblem(call("officer-fgw", "GET", "/engine-rest/process-instance/no-such", null), 404);
  }

  @Test
  void anAdministratorMayStillRepairRunningWork() {
    String instance = fgwTask.get("processInstanceId").asText();
    var set = call("demo", "PUT", "/engine-rest/process-instance/" + instance
        + "/variables/repairNote", Map.of("value", "管理员修复", "type", "String"));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    var removed = call("demo", "DELETE", "/engine-rest/process-instance/" + instance
        + "/variables/repairNote", null);
    assertThat(removed.statusCode()).isEqualTo(204);
  }
}
