package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Issue 16, point 1: a project's life from 谋划 to 投产 over the API. Registered before land
 * delisting it has no process and no clock; recording LANDED starts exactly the joint approval a
 * registration with land starts; every node is a row and a line of history; every refusal names its
 * field and changes nothing. The engine clock is moved; the HTTP server reads the same clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProjectLifeTest extends ApprovalTestSupport {

  static final LocalDate LANDED = LocalDate.parse("2025-03-03");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() {
    // Other API tests of this context lock users by wrong passwords at the real time.
    for (String user : List.of("cso-lankao", "cso-qixian", "keyoffice", "officer-fgw",
        "leader-1")) {
      identityService.unlockUser(user);
    }
    today(LANDED);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private ResponseEntity<JsonNode> node(String user, String code, Map<String, Object> body) {
    return post(user, "/api/projects/" + code + "/nodes", body);
  }

  private static Map<String, Object> node(String node, LocalDate date) {
    Map<String, Object> body = new HashMap<>();
    body.put("node", node);
    body.put("date", date.toString());
    return body;
  }

  /** A project of the fixture's facts registered at {@code node} on {@code on}; its code. */
  private String preparing(String node, LocalDate on) {
    var body = ProjectFixtures.body(ProjectFixtures.newCode("LIFE"), null);
    body.remove("landDelistedOn");
    body.put("node", node);
    body.put("nodeDate", on.toString());
    if (node.equals("SIGNED")) {
      body.put("investor", "某家居集团有限公司");
    }
    var response = post("keyoffice", "/api/projects", body);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    return (String) body.get("code");
  }

  private int rows(String table, String code) {
    return jdbc.queryForObject("select count(*) from " + table + " where project_code = ?",
        Integer.class, code);
  }

  @Test
  void aProjectWalksFromReserveToOperatingAndLandingStartsJointApproval() {
    var code = preparing("RESERVE", LocalDate.parse("2024-11-04"));
    var reserve = rest.withBasicAuth("cso-lankao", "demo")
        .getForEntity("/api/projects/" + code, JsonNode.class).getBody();
    assertThat(reserve.get("status").asText()).isEqualTo("PREPARING");
    assertThat(reserve.get("statusName").asText()).isEqualTo("前期");
    assertThat(reserve.get("node").asText()).isEqualTo("RESERVE");
    assertThat(reserve.get("nodeName").asText()).isEqualTo("谋划");
    assertThat(reserve.get("landDelistedOn").isNull()).isTrue();
    assertThat(reserve.get("processInstanceId").isNull()).isTrue();
    assertThat(reserve.get("deadline").isNull()).isTrue();
    assertThat(reserve.get("track").isNull()).isTrue();
    assertThat(reserve.get("items")).isEmpty();
    assertThat(reserve.get("nodes")).hasSize(1);
    assertThat(reserve.get("nodes").get(0).get("date").asText()).isEqualTo("2024-11-04");
    assertThat(reserve.get("nodes").get(0).get("recordedBy").asText()).isEqualTo("keyoffice");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isZero();

    assertThat(node("cso-lankao", code, node("NEGOTIATING", LocalDate.parse("2024-12-02")))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    var signing = node("SIGNED", LocalDate.parse("2025-01-06"));
    signing.put("investor", "某家居集团有限公司");
    signing.put("fortune500", true);
    var signed = node("cso-lankao", code, signing).getBody();
    assertThat(signed.get("node").asText()).isEqualTo("SIGNED");
    assertThat(signed.get("investor").asText()).isEqualTo("某家居集团有限公司");
    assertThat(signed.get("fortune500").asBoolean()).isTrue();
    assertThat(signed.get("status").asText()).isEqualTo("PREPARING");

    // Land delisted: joint approval starts, exactly as for a twin registered with the same date.
    var landing = node("cso-lankao", code, node("LANDED", LANDED));
    assertThat(landing.getStatusCode()).isEqualTo(HttpStatus.OK);
    var landed = landing.getBody();
    openFirstStage(code);
    var twin = register(ProjectFixtures.body(ProjectFixtures.newCode("TWIN"), LANDED.toString()));
    assertThat(landed.get("status").asText()).isEqualTo("APPROVING");
    assertThat(landed.get("node").asText()).isEqualTo("LANDED");
    assertThat(landed.get("landDelistedOn").asText()).isEqualTo(LANDED.toString());
    assertThat(landed.get("track").asText()).isEqualTo(twin.track());
    assertThat(landed.get("limitWorkingDays").asInt()).isEqualTo(80);
    assertThat(landed.get("deadline").asText()).isEqualTo(twin.deadline().toString())
        .isEqualTo(addWorkingDays(LANDED, 80).toString());
    assertThat(landed.get("items").findValuesAsText("itemCode"))
        .containsExactlyElementsOf(twin.items().stream().map(i -> i.itemCode()).toList());
    assertThat(landed.get("items").findValuesAsText("dueOn"))
        .containsExactlyElementsOf(twin.items().stream().map(i -> i.dueOn().toString()).toList());
    var instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(landed.get("processInstanceId").asText()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(code);
    assertThat(runtimeService.getVariable(instance.getId(), "projectName"))
        .isEqualTo("兰考县智能家居产业园项目");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskCandidateGroup("approval-fgw").count()).isEqualTo(1);

    // The process records readiness; the county the rest.
    LocalDate ready = addWorkingDays(LANDED, 40);
    today(ready);
    approveEverything(code);
    assertThat(views.of(code).node().name()).isEqualTo("READY");
    LocalDate started = addWorkingDays(ready, 2);
    LocalDate completed = LocalDate.parse("2025-12-01");
    LocalDate operating = LocalDate.parse("2026-01-05");
    today(operating);
    assertThat(node("cso-lankao", code, node("STARTED", started)).getBody().get("status")
        .asText()).isEqualTo("STARTED");
    assertThat(node("keyoffice", code, node("COMPLETED", completed)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    var last = node("cso-lankao", code, node("OPERATING", operating));
    assertThat(last.getStatusCode()).isEqualTo(HttpStatus.OK);

    var life = last.getBody();
    assertThat(life.get("node").asText()).isEqualTo("OPERATING");
    assertThat(life.get("nodeName").asText()).isEqualTo("投产");
    assertThat(life.get("workingDaysUsed").asInt()).isEqualTo(42);
    var nodes = life.get("nodes");
    assertThat(nodes.findValuesAsText("node")).containsExactly("RESERVE", "NEGOTIATING",
        "SIGNED", "LANDED", "READY", "STARTED", "COMPLETED", "OPERATING");
    assertThat(nodes.findValuesAsText("nodeName")).containsExactly("谋划", "在谈", "签约",
        "落地（土地摘牌）", "具备开工条件", "开工", "竣工", "投产");
    assertThat(nodes.findValuesAsText("date")).containsExactly("2024-11-04", "2024-12-02",
        "2025-01-06", LANDED.toString(), ready.toString(), started.toString(),
        completed.toString(), operating.toString());
    assertThat(nodes.get(4).get("recordedBy").isNull()).as("READY by the process").isTrue();
    assertThat(nodes.get(5).get("recordedBy").asText()).isEqualTo("cso-lankao");
    assertThat(nodes.get(6).get("recordedBy").asText()).isEqualTo("keyoffice");
    assertThat(nodes.get(2).get("detail").asText()).contains("某家居集团有限公司").contains("世界500强");
    assertThat(nodes).allSatisfy(n -> assertThat(n.get("recordedAt").asText()).isNotBlank());
    // Each recorded node is a line of history naming who recorded it.
    assertThat(views.of(code).history()).filteredOn(e -> e.event().equals("NODE_RECORDED"))
        .extracting(e -> e.actor() + ":" + e.detail().substring(0, 7))
        .containsExactly("cso-lankao:项目节点：在谈", "cso-lankao:项目节点：签约",
            "cso-lankao:项目节点：落地", "keyoffice:项目节点：竣工", "cso-lankao:项目节点：投产");
    assertThat(views.of(code).history()).extracting(e -> e.event())
        .contains("APPROVAL_STARTED", "READY_FOR_CONSTRUCTION", "STARTED");
  }

  @Test
  void aRegistrationWithLandRecordsTheLandedNodeAndMaySkipTheEarlierOnes() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("LAND"),
        LANDED.toString()));
    assertThat(project.node().name()).isEqualTo("LANDED");
    assertThat(project.nodes()).singleElement().satisfies(n -> {
      assertThat(n.date()).isEqualTo(LANDED);
      assertThat(n.recordedBy()).isEqualTo("keyoffice");
    });
    // From 谋划 straight to landing: pre-landing nodes may be skipped.
    var code = preparing("RESERVE", LANDED.minusDays(30));
    var landed = node("keyoffice", code, node("LANDED", LANDED));
    assertThat(landed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(landed.getBody().get("nodes").findValuesAsText("node"))
        .containsExactly("RESERVE", "LANDED");
    assertThat(landed.getBody().get("status").asText()).isEqualTo("APPROVING");
  }

  @Test
  void aProjectRegisteredSignedOrLandedKeepsItsInvestor() {
    var code = preparing("SIGNED", LANDED.minusDays(5));
    var signed = views.of(code);
    assertThat(signed.investor()).isEqualTo("某家居集团有限公司");
    assertThat(signed.fortune500()).isFalse();
    assertThat(signed.nodes()).singleElement().satisfies(n -> {
      assertThat(n.node().name()).isEqualTo("SIGNED");
      assertThat(n.date()).isEqualTo(LANDED.minusDays(5));
      assertThat(n.detail()).contains("某家居集团有限公司");
    });

    var body = ProjectFixtures.body(ProjectFixtures.newCode("INV"), LANDED.toString());
    body.put("investor", "某跨国集团");
    body.put("fortune500", true);
    assertThat(post("keyoffice", "/api/projects", body).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    var landed = views.of((String) body.get("code"));
    assertThat(landed.investor()).isEqualTo("某跨国集团");
    assertThat(landed.fortune500()).isTrue();
    assertThat(landed.status().name()).isEqualTo("APPROVING");
  }

  static Stream<Arguments> refusals() {
    LocalDate signedOn = LANDED.minusDays(20);
    return Stream.of(
        Arguments.of("READY by hand", node("READY", LANDED), "node"),
        Arguments.of("RESERVE again", node("RESERVE", LANDED), "node"),
        Arguments.of("backwards", node("NEGOTIATING", LANDED), "node"),
        Arguments.of("the same node twice", withInvestor(node("SIGNED", LANDED)), "node"),
        Arguments.of("started before landing", node("STARTED", LANDED), "node"),
        Arguments.of("completed before landing", node("COMPLETED", LANDED), "node"),
        Arguments.of("operating before landing", node("OPERATING", LANDED), "node"),
        Arguments.of("an unknown node", node("FLYING", LANDED), "node"),
        Arguments.of("no node", new HashMap<>(Map.of("date", LANDED.toString())), "node"),
        Arguments.of("in the future", node("LANDED", LANDED.plusDays(1)), "date"),
        Arguments.of("before the last node", node("LANDED", signedOn.minusDays(1)), "date"),
        Arguments.of("not a date", new HashMap<>(Map.of("node", "LANDED", "date", "2025/03/03")),
            "date"),
        Arguments.of("no date", new HashMap<>(Map.of("node", "LANDED")), "date"),
        Arguments.of("an investor when landing", withInvestor(node("LANDED", LANDED)),
            "investor"),
        Arguments.of("an unknown field", with(node("LANDED", LANDED), "landDelistedOn",
            LANDED.toString()), "landDelistedOn"));
  }

  private static Map<String, Object> withInvestor(Map<String, Object> body) {
    return with(body, "investor", "某集团");
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    body.put(key, value);
    return body;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aSignedProjectRefusesABadNodeNamingTheFieldAndNothingChanges(String name,
      Map<String, Object> body, String field) {
    var code = preparing("SIGNED", LANDED.minusDays(20));
    var before = views.of(code);
    int events = rows("project_event", code);

    var response = node("cso-lankao", code, body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
        .contains(field);
    var after = views.of(code);
    assertThat(after.node()).isEqualTo(before.node());
    assertThat(after.status()).isEqualTo(before.status());
    assertThat(after.landDelistedOn()).isNull();
    assertThat(after.nodes()).hasSameSizeAs(before.nodes());
    assertThat(rows("project_event", code)).isEqualTo(events);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isZero();
  }

  @Test
  void signingNeedsItsInvestorAndLaterNodesNeedTheirPredecessor() {
    var code = preparing("RESERVE", LANDED.minusDays(20));
    var noInvestor = node("cso-lankao", code, node("SIGNED", LANDED));
    assertThat(noInvestor.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noInvestor.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("investor");
    var badFlag = withInvestor(node("SIGNED", LANDED));
    badFlag.put("fortune500", "是");
    assertThat(node("cso-lankao", code, badFlag).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("fortune500");
    var early = withInvestor(node("SIGNED", LANDED.minusDays(21)));
    assertThat(node("cso-lankao", code, early).getBody().get("errors").findValuesAsText("field"))
        .containsExactly("date");
    assertThat(views.of(code).node().name()).isEqualTo("RESERVE");

    // A started project: completion not before the start, operation only after completion.
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("DONE"),
        LANDED.toString()));
    LocalDate ready = addWorkingDays(LANDED, 40);
    today(ready);
    approveEverything(project.code());
    assertThat(node("cso-lankao", project.code(), node("STARTED", ready)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    today(ready.plusDays(60));
    var operatingFirst = node("cso-lankao", project.code(), node("OPERATING", ready.plusDays(5)));
    assertThat(operatingFirst.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("node");
    var completedEarly = node("cso-lankao", project.code(),
        node("COMPLETED", ready.minusDays(1)));
    assertThat(completedEarly.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("date");
    var startedAgain = node("cso-lankao", project.code(), node("STARTED", ready));
    assertThat(startedAgain.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("node");
    assertThat(views.of(project.code()).node().name()).isEqualTo("STARTED");
    assertThat(rows("project_node", project.code())).isEqualTo(3);
  }

  @Test
  void onlyTheProjectsCountyAndTheKeyProjectsOfficeRecordNodes() {
    var code = preparing("RESERVE", LANDED.minusDays(20));
    for (String user : List.of("cso-qixian", "officer-fgw", "leader-1")) {
      var response = node(user, code, node("NEGOTIATING", LANDED));
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(node("keyoffice", "NO-SUCH-PROJECT", node("NEGOTIATING", LANDED))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(views.of(code).node().name()).isEqualTo("RESERVE");
    assertThat(rows("project_node", code)).isEqualTo(1);
  }

  @Test
  void aUserCannotStartJointApprovalForAPreparingProject() {
    var code = preparing("SIGNED", LANDED.minusDays(20));
    Map<String, Object> form = new HashMap<>(ProjectFixtures.body(code, LANDED.toString()));
    identityService.setAuthentication("cso-lankao", List.of("county-lankao"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> runtimeService.startProcessInstanceByKey("joint-approval", code, form))
          .hasMessageContaining("已登记");
    } finally {
      identityService.clearAuthentication();
    }
    var project = views.of(code);
    assertThat(project.status().name()).isEqualTo("PREPARING");
    assertThat(project.processInstanceId()).isNull();
    assertThat(project.landDelistedOn()).isNull();
  }
}
