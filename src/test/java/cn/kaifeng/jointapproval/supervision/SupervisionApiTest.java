package cn.kaifeng.jointapproval.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** GET /api/supervision/cases and the matters in GET /api/projects/{code}, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionApiTest extends ApprovalTestSupport {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  /** Takes a fresh project's land-site item through coordination and a meeting to a case. */
  private String projectWithACase(String unit, int days) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey("vice-mayor-meeting").list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test isolation"));
    jdbc.update("update matter set stage = 'CLOSED' where stage = 'ON_AGENDA'");
    var code = register(ProjectFixtures.body(ProjectFixtures.newCode("S"),
        ChinaTime.today().minusDays(1).toString())).code();
    complete(review(code, "zrzy-site"), Map.of("outcome", "NEEDS_COORDINATION", "opinion", "需协调"));
    complete(taskService.createTaskQuery().processInstanceBusinessKey(code)
            .taskDefinitionKey("coordinate").singleResult(),
        Map.of("coordinationNote", "未果", "coordinationResult", "UNRESOLVED"));
    var start = managementService.createJobQuery().processDefinitionKey("vice-mayor-meeting")
        .timers().list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow();
    managementService.executeJob(start.getId());
    // No meeting was collecting when the matter was escalated: the new one takes it.
    var meeting = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("vice-mayor-meeting").singleResult();
    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(meeting.getId()).activityId("agendaCloses").singleResult().getId());
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult(),
        Map.of("meetingDate", ChinaTime.today().toString()));
    String matterId = views.of(code).matters().get(0).matterId();
    complete(taskService.createTaskQuery().processInstanceId(meeting.getId()).singleResult(),
        Map.of("agenda", SpinValues.jsonValue("[{\"matterId\":\"" + matterId
            + "\",\"decision\":\"限期完成\",\"responsibleUnit\":\"" + unit
            + "\",\"deadlineDays\":" + days + "}]").create()));
    return code;
  }

  private JsonNode get(String path) {
    var response = rest.withBasicAuth("supervisor", "demo").getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  void listsCasesFilteredByStatusAndUnitWithTheirDeadlines() {
    var code = projectWithACase("approval-slj", 10);
    var all = get("/api/supervision/cases?unit=approval-slj&status=IN_PROGRESS");
    assertThat(all.get("cases")).anySatisfy(c -> {
      assertThat(c.get("projectCode").asText()).isEqualTo(code);
      assertThat(c.get("itemName").asText()).isEqualTo("用地预审与选址意见书");
      assertThat(c.get("responsibleUnitName").asText()).isEqualTo("市水利局行政审批科");
      assertThat(c.get("deadline").asText()).isEqualTo(
          calendar.calendar().add(ChinaTime.today(), 10).toString());
      assertThat(c.get("overdue").asBoolean()).isFalse();
      assertThat(c.get("statusName").asText()).isEqualTo("落实中");
    });
    assertThat(get("/api/supervision/cases?unit=approval-slj").get("cases"))
        .allSatisfy(c -> assertThat(c.get("responsibleUnit").asText()).isEqualTo("approval-slj"));
    assertThat(get("/api/supervision/cases?status=ACCEPTED").get("cases"))
        .noneSatisfy(c -> assertThat(c.get("projectCode").asText()).isEqualTo(code));

    var project = get("/api/projects/" + code);
    var matter = project.get("matters").get(0);
    assertThat(matter.get("stage").asText()).isEqualTo("SUPERVISION");
    assertThat(matter.get("stageName").asText()).isEqualTo("督办中");
    assertThat(matter.get("decision").asText()).isEqualTo("限期完成");
    assertThat(matter.get("responsibleUnit").asText()).isEqualTo("approval-slj");
    assertThat(matter.get("caseStatus").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void overdueCasesAreFlaggedAndCanBeListedAlone() {
    var code = projectWithACase("approval-jtj", 1);
    var supervision = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("carryOut").singleResult().getProcessInstanceId();
    managementService.executeJob(managementService.createJobQuery()
        .processInstanceId(supervision).activityId("caseOverdue").singleResult().getId());
    var overdue = get("/api/supervision/cases?overdue=true");
    assertThat(overdue.get("overdue").asLong()).isEqualTo(overdue.get("total").asLong());
    assertThat(overdue.get("cases")).anySatisfy(
        c -> assertThat(c.get("projectCode").asText()).isEqualTo(code));
    assertThat(get("/api/supervision/cases?overdue=false").get("cases")).noneSatisfy(
        c -> assertThat(c.get("projectCode").asText()).isEqualTo(code));
  }

  @Test
  void unknownFiltersAreRefusedNamingTheParameter() {
    var response = rest.withBasicAuth("supervisor", "demo")
        .getForEntity("/api/supervision/cases?status=LOST&unit=approval-xyz", JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("status", "unit");
    assertThat(rest.getForEntity("/api/supervision/cases", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
