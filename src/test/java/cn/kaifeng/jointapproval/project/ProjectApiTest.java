package cn.kaifeng.jointapproval.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** POST and GET /api/projects over the real HTTP stack (DOMAIN.md §6). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProjectApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper mapper;

  private static String recently() {
    return ChinaTime.today().minusDays(10).toString();
  }

  private ResponseEntity<JsonNode> post(String user, Object body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.postForEntity("/api/projects", new HttpEntity<>(body, headers), JsonNode.class);
  }

  private int projectCount() {
    return jdbc.queryForObject("select count(*) from project", Integer.class);
  }

  @Test
  void registersAProjectAndAnswersItsTrackDeadlineAndItems() {
    var code = ProjectFixtures.newCode("API");
    var body = ProjectFixtures.body(code, recently());
    body.put("freeTradeZone", true);
    var response = post("keyoffice", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getHeaders().getLocation()).hasToString("/api/projects/" + code);
    var project = response.getBody();
    assertThat(project.get("code").asText()).isEqualTo(code);
    assertThat(project.get("track").asText()).isEqualTo("FTZ");
    assertThat(project.get("limitWorkingDays").asInt()).isEqualTo(50);
    assertThat(project.get("deadline").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(project.get("processInstanceId").asText()).isNotBlank();
    assertThat(project.get("registeredBy").asText()).isEqualTo("keyoffice");
    assertThat(project.get("items")).isNotEmpty().allSatisfy(item -> {
      assertThat(item.get("itemCode").asText()).isNotBlank();
      assertThat(item.get("department").asText()).isNotBlank();
      assertThat(item.get("candidateGroup").asText())
          .isEqualTo("approval-" + item.get("department").asText());
      assertThat(item.get("dueOn").asText()).isLessThanOrEqualTo(project.get("deadline").asText());
    });

    var state = rest.withBasicAuth("officer-zrzy", "demo")
        .getForEntity("/api/projects/" + code, JsonNode.class);
    assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
    var json = state.getBody();
    assertThat(json.get("track").asText()).isEqualTo("FTZ");
    assertThat(json.get("status").asText()).isEqualTo("APPROVING");
    assertThat(json.get("light").asText()).isEqualTo("GREEN");
    assertThat(json.get("workingDaysUsed").asInt()
        + json.get("workingDaysLeft").asInt()).isEqualTo(50);
    assertThat(json.get("items")).allSatisfy(item -> {
      assertThat(item.get("status").asText()).isIn("OPEN", "PLANNED");
      assertThat(item.get("light").asText()).isEqualTo("GREEN");
      assertThat(item.get("dueOn").asText()).isNotBlank();
    });
    assertThat(json.get("chiefServiceOfficer").asText()).isEqualTo("cso-lankao");
    assertThat(json.get("history").get(0).get("event").asText()).isEqualTo("REGISTERED");
  }

  /**
   * The registration's transaction stores its facts once, in the ledger: the start's fields, the
   * decisions' inputs and their results are transient, only the code and name are process
   * variables (Cockpit), and the decision history still shows which inputs gave the project its
   * items.
   */
  @Test
  void theRegistrationStoresItsFactsInTheLedgerAndTheDecisionHistoryNotAsVariables() {
    var code = ProjectFixtures.newCode("VARS");
    var body = ProjectFixtures.everything(ProjectFixtures.body(code, recently()));
    assertThat(post("keyoffice", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("joint-approval").singleResult();
    assertThat(runtimeService.getVariables(instance.getId()).keySet()).containsExactlyInAnyOrder(
        "projectCode", "projectName", "initiator");
    // Nor the decisions' results: the items are in the ledger, the evaluations in the history.
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list())
        .extracting(HistoricVariableInstance::getName)
        .doesNotContain("code", "name", "governmentInvested", "annualEnergyTce", "investment",
            "trackDecision", "track", "limitWorkingDays", "requiredItems", "decisionResult");

    var items = historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(instance.getId()).decisionDefinitionKey("approval-items")
        .includeInputs().includeOutputs().singleResult();
    assertThat(items.getInputs()).extracting(i -> i.getClauseName() + "=" + i.getValue())
        .contains("政府投资=true", "涉及危险化学品=true", "使用林地=true");
    assertThat(items.getOutputs()).extracting(o -> o.getVariableName() + "=" + o.getValue())
        .contains("itemCode=fgw-proposal");
    // One output per item: the rule's other outputs are literals of the table (DecisionHistoryTest).
    assertThat(items.getOutputs()).extracting(o -> o.getVariableName()).containsOnly("itemCode");
    assertThat(jdbc.queryForObject("select count(*) from project_item where project_code = ?",
        Integer.class, code)).isEqualTo(items.getOutputs().size());
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("name", "请填写项目名称", b -> b.remove("name")),
        bad("name", "项目名称应为文本", b -> b.put("name", 42)),
        bad("county", "未知的县区", b -> b.put("county", "zhengzhou")),
        bad("county", "请填写所在县区", b -> b.remove("county")),
        bad("landDelistedOn", "格式应为 YYYY-MM-DD", b -> b.put("landDelistedOn", "2025/01/20")),
        bad("landDelistedOn", "格式应为 YYYY-MM-DD", b -> b.put("landDelistedOn", "2025-02-30")),
        bad("landDelistedOn", "晚于今天",
            b -> b.put("landDelistedOn", ChinaTime.today().plusDays(1).toString())),
        bad("landDelistedOn", "请填写土地摘牌日期", b -> b.remove("landDelistedOn")),
        bad("investment", "须大于 0", b -> b.put("investment", 0)),
        bad("investment", "须大于 0", b -> b.put("investment", -5)),
        bad("investment", "应为数字", b -> b.put("investment", "很多")),
        bad("investment", "请填写总投资", b -> b.remove("investment")),
        bad("code", "只能由字母、数字和“-”组成", b -> b.put("code", "KF 001")),
        bad("code", "只能由字母、数字和“-”组成", b -> b.put("code", "项目一")),
        bad("code", "不能超过 64 个字符", b -> b.put("code", "K".repeat(65))),
        bad("code", "请填写项目代码", b -> b.remove("code")),
        bad("responsibleCadre", "请填写责任人", b -> b.remove("responsibleCadre")),
        bad("chiefServiceOfficer", "请填写首席服务官", b -> b.put("chiefServiceOfficer", " ")),
        bad("contractingLeader", "请填写分包市领导", b -> b.remove("contractingLeader")),
        bad("freeTradeZone", "应为 true 或 false", b -> b.put("freeTradeZone", "yes")),
        bad("annualEnergyTce", "不能为负数", b -> b.put("annualEnergyTce", -1)),
        bad("landDelistedDate", "未知字段", b -> b.put("landDelistedDate", "2025-01-20")),
        // People are user ids of their role (issue 16).
        bad("chiefServiceOfficer", "没有用户“李明”", b -> b.put("chiefServiceOfficer", "李明")),
        bad("chiefServiceOfficer", "不是兰考县首席服务官",
            b -> b.put("chiefServiceOfficer", "cso-qixian")),
        bad("chiefServiceOfficer", "不是兰考县首席服务官",
            b -> b.put("chiefServiceOfficer", "leader-1")),
        bad("contractingLeader", "没有用户“张副市长”", b -> b.put("contractingLeader", "张副市长")),
        bad("contractingLeader", "不是市领导", b -> b.put("contractingLeader", "cso-lankao")),
        // The node a project is registered at (issue 16).
        bad("node", "登记项目时的节点只能是", b -> b.put("node", "READY")),
        bad("node", "登记项目时的节点只能是", b -> b.put("node", "STARTED")),
        bad("node", "登记项目时的节点只能是", b -> b.put("node", 3)),
        bad("landDelistedOn", "尚未摘牌", b -> b.put("node", "RESERVE")),
        bad("nodeDate", "土地摘牌日期", b -> b.put("nodeDate", "2025-01-20")),
        bad("nodeDate", "晚于今天", b -> {
          b.remove("landDelistedOn");
          b.put("node", "NEGOTIATING");
          b.put("nodeDate", ChinaTime.today().plusDays(1).toString());
        }),
        bad("investor", "请填写投资方", b -> {
          b.remove("landDelistedOn");
          b.put("node", "SIGNED");
        }),
        bad("investor", "尚未签约", b -> {
          b.remove("landDelistedOn");
          b.put("node", "RESERVE");
          b.put("investor", "某集团");
        }),
        bad("fortune500", "应为 true 或 false", b -> b.put("fortune500", "是")));
  }

  private static Arguments bad(String field, String message,
      Consumer<Map<String, Object>> change) {
    return Arguments.of(field, message, change);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badFields")
  void badInputIsRefusedNamingTheFieldAndChangesNothing(String field, String message,
      Consumer<Map<String, Object>> change) {
    var body = ProjectFixtures.body(ProjectFixtures.newCode("BAD"), recently());
    change.accept(body);
    int before = projectCount();
    long instances = runtimeService.createProcessInstanceQuery().count();

    var response = post("keyoffice", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("errors")).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).contains(message);
    });
    assertThat(projectCount()).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    var body = ProjectFixtures.body("bad code", "tomorrow");
    body.remove("name");
    body.put("investment", 0);
    var response = post("keyoffice", body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("code", "name", "landDelistedOn", "investment");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRefused() {
    var response = post("keyoffice", "[1, 2]");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("body");
  }

  @Test
  void aCodeThatExistsIsAConflictAndChangesNothing() {
    var code = ProjectFixtures.newCode("DUP");
    assertThat(post("keyoffice", ProjectFixtures.body(code, recently())).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    var second = ProjectFixtures.body(code, recently());
    second.put("name", "另一个项目");
    var response = post("keyoffice", second);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("detail").asText()).contains(code).contains("已登记");
    assertThat(jdbc.queryForObject("select name from project where code = ?", String.class, code))
        .isEqualTo("兰考县智能家居产业园项目");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("joint-approval")
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
  }

  @Test
  void withoutCredentialsTheAnswerIs401() {
    var response = post(null, ProjectFixtures.body(ProjectFixtures.newCode("ANON"), recently()));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/projects/X", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void onlyTheKeyProjectsOfficeAndCountyOfficersForTheirCountyRegister() {
    int before = projectCount();
    var officer = post("officer-fgw", ProjectFixtures.body(ProjectFixtures.newCode("X"), recently()));
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(officer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(post("coordinator", ProjectFixtures.body(ProjectFixtures.newCode("X"), recently()))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var otherCounty = post("cso-qixian",
        ProjectFixtures.body(ProjectFixtures.newCode("X"), recently()));
    assertThat(otherCounty.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherCounty.getBody().get("detail").asText()).contains("兰考县");
    assertThat(projectCount()).isEqualTo(before);

    var own = post("cso-lankao", ProjectFixtures.body(ProjectFixtures.newCode("OWN"), recently()));
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(own.getBody().get("registeredBy").asText()).isEqualTo("cso-lankao");
  }

  @Test
  void anUnknownProjectIs404() {
    var response = rest.withBasicAuth("keyoffice", "demo")
        .getForEntity("/api/projects/NO-SUCH-PROJECT", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("detail").asText()).contains("NO-SUCH-PROJECT");
  }
}
