package cn.kaifeng.jointapproval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16, point 4: the county's task of a project (补正) goes to its named chief service officer
 * as assignee, from the ledger; the county group stays candidate, so a colleague takes it over.
 * A project registered before people were user ids still loads, and its task stays with the group.
 */
@SpringBootTest
@ActiveProfiles("test")
class NamedOfficerTest extends ApprovalTestSupport {

  static final LocalDate MONDAY = LocalDate.parse("2025-03-03");
  static final String COLLEAGUE = "cso-lankao-colleague";

  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    today(MONDAY);
    var colleague = identityService.newUser(COLLEAGUE);
    colleague.setPassword("demo");
    identityService.saveUser(colleague);
    identityService.createMembership(COLLEAGUE, "county-lankao");
  }

  @AfterEach
  void tearDown() {
    identityService.deleteUser(COLLEAGUE);
    ClockUtil.reset();
  }

  private Task returnForSupplement(String code) {
    complete(review(code, "sthj-eia"), Map.of("outcome", "RETURNED", "opinion", "请补充公众参与说明"));
    return task(code, "sthj-eia", "supplementItem");
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId)
        .toList();
  }

  @Test
  void theSupplementGoesToTheNamedOfficerAndAColleagueMayTakeItOver() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("CSO"),
        MONDAY.toString()));
    // A forged variable does not choose the assignee: the ledger does.
    runtimeService.setVariable(item(project.code(), "sthj-eia").getId(), "chiefServiceOfficer",
        "cso-qixian");
    var supplement = returnForSupplement(project.code());

    assertThat(supplement.getAssignee()).isEqualTo("cso-lankao");
    assertThat(candidateGroups(supplement)).containsExactly("county-lankao");
    assertThat(taskService.createTaskQuery().taskAssignee("cso-lankao")
        .processInstanceBusinessKey(project.code()).count()).isEqualTo(1);

    // Another county cannot take it over; nobody but an administrator hands it to someone else.
    identityService.setAuthentication("cso-qixian", List.of("county-qixian"));
    try {
      assertThatThrownBy(() -> taskService.setAssignee(supplement.getId(), "cso-qixian"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    identityService.setAuthentication(COLLEAGUE, List.of("county-lankao"));
    try {
      assertThatThrownBy(() -> taskService.setAssignee(supplement.getId(), "cso-qixian"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().taskId(supplement.getId()).singleResult()
        .getAssignee()).isEqualTo("cso-lankao");

    // A colleague of the county takes it over and completes it, as themselves.
    identityService.setAuthentication(COLLEAGUE, List.of("county-lankao"));
    try {
      taskService.setAssignee(supplement.getId(), COLLEAGUE);
      taskService.complete(supplement.getId(), Map.of("supplementNote", "已补充"));
    } finally {
      identityService.clearAuthentication();
    }
    runContinuations();
    assertThat(task(project.code(), "sthj-eia", "supplementItem")).isNull();
    assertThat(review(project.code(), "sthj-eia")).isNotNull();
  }

  @Test
  void aProjectOfFreeTextPeopleStillLoadsAndItsSupplementStaysWithTheCounty() {
    var project = register(ProjectFixtures.body(ProjectFixtures.newCode("OLD"),
        MONDAY.toString()));
    // As registered before issue 16: names, not user ids.
    jdbc.update("update project set chief_service_officer = '李明', contracting_leader = '张副市长'"
        + " where code = ?", project.code());

    var loaded = views.of(project.code());
    assertThat(loaded.chiefServiceOfficer()).isEqualTo("李明");
    assertThat(loaded.contractingLeader()).isEqualTo("张副市长");
    var supplement = returnForSupplement(project.code());
    assertThat(supplement.getAssignee()).isNull();
    assertThat(candidateGroups(supplement)).containsExactly("county-lankao");
  }
}
