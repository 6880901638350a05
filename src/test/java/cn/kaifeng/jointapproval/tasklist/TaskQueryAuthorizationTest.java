package cn.kaifeng.jointapproval.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The task queries' EXISTS checks ({@code TaskQueryAuthorization.xml}: grants, and candidate
 * links without DISTINCT) answer exactly what Camunda's own joins answer, for every kind of user,
 * through every filter and the plain query, listed, paged and counted, including the queries that
 * keep Camunda's identity-link join; and the Camunda original it was copied from has not changed.
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskQueryAuthorizationTest extends ApprovalTestSupport {

  /** SHA-256 of camunda-engine 7.24.0's Task.xml, from which the mapper was copied. */
  private static final String CAMUNDA_TASK_XML =
      "616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821";

  @Autowired ProcessEngine engine;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theCamundaOriginalOfTheCopiedQueryIsUnchanged() throws IOException,
      NoSuchAlgorithmException {
    try (var original = ProcessEngine.class.getClassLoader()
        .getResourceAsStream("org/camunda/bpm/engine/impl/mapping/entity/Task.xml")) {
      String hash = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(original.readAllBytes()));
      assertThat(hash).as("Camunda's Task.xml changed: copy selectTaskByQueryCriteriaSql again "
          + "into TaskQueryAuthorization.xml, re-apply the CHANGED parts, update this hash")
          .isEqualTo(CAMUNDA_TASK_XML);
    }
    assertThat(sessions().mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo("selectTaskCountByQueryCriteriaWithExistsCheck");
    assertThat(sessions().mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo("selectTaskByQueryCriteriaWithExistsCheck");
  }

  @Test
  void everyUserSeesExactlyWhatCamundasJoinShows() {
    today(LocalDate.parse("2025-03-03"));
    register(ProjectFixtures.everything(ProjectFixtures.body(ProjectFixtures.newCode("AUTH"),
        "2025-02-20")));
    var other = ProjectFixtures.body(ProjectFixtures.newCode("AUTH"), "2025-02-24");
    other.put("county", "qixian");
    other.put("chiefServiceOfficer", "cso-qixian");
    String otherCode = register(other).code();
    // A returned item (a county's supplement task with an assignee) and a claimed task.
    var first = taskService.createTaskQuery().processInstanceBusinessKey(otherCode)
        .taskDefinitionKey("reviewItem").list().get(0);
    complete(first, Map.of("outcome", "RETURNED", "opinion", "请补正用地材料"));
    var claimed = taskService.createTaskQuery().taskCandidateGroup("approval-zrzy").list().get(0);
    taskService.claim(claimed.getId(), "officer-zrzy");
    assertThat(taskService.createTaskQuery().count()).isGreaterThan(15);

    int compared = 0;
    for (String user : List.of("officer-fgw", "officer-zrzy", "officer-zjj", "officer-sthj",
        "cso-qixian", "cso-lankao", "keyoffice", "coordinator", "supervisor", "leader-1",
        "demo")) {
      var groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      identityService.setAuthentication(user, groups);
      try {
        compared += same(user + " all tasks", () -> taskService.createTaskQuery().list());
        compared += same(user + " count", () -> List.of(taskService.createTaskQuery().count()));
        // Ties broken by id: equal due dates may come in either order.
        compared += same(user + " page", () -> taskService.createTaskQuery().orderByDueDate()
            .asc().orderByTaskId().asc().listPage(0, 5));
        compared += same(user + " by group", () -> taskService.createTaskQuery()
            .taskCandidateGroupIn(groups.isEmpty() ? List.of("none") : groups)
            .includeAssignedTasks().list());
        var someGroups = groups.isEmpty() ? List.of("none") : groups;
        // The candidate condition as an EXISTS (one query on identity links) ...
        compared += same(user + " by group, page", () -> taskService.createTaskQuery()
            .taskCandidateGroupIn(someGroups).includeAssignedTasks().orderByDueDate().asc()
            .orderByTaskId().asc().listPage(0, 5));
        compared += same(user + " by group, count", () -> List.of(taskService.createTaskQuery()
            .taskCandidateGroupIn(someGroups).includeAssignedTasks().count()));
        compared += same(user + " unassigned of the groups", () -> taskService.createTaskQuery()
            .taskCandidateGroupIn(someGroups).list());
        compared += same(user + " as candidate user", () -> taskService.createTaskQuery()
            .taskCandidateUser(user).includeAssignedTasks().list());
        compared += same(user + " group like", () -> taskService.createTaskQuery()
            .taskCandidateGroupLike("approval-%").includeAssignedTasks().list());
        compared += same(user + " with candidate groups", () -> List.of(taskService
            .createTaskQuery().withCandidateGroups().count()));
        compared += same(user + " group or assignee", () -> taskService.createTaskQuery().or()
            .taskCandidateGroupIn(someGroups).taskAssignee("officer-zrzy").endOr().list());
        // ... and Camunda's join, where one link must satisfy several conditions at once.
        compared += same(user + " group and an or-query's group", () -> taskService
            .createTaskQuery().taskCandidateGroupIn(someGroups).or()
            .taskCandidateGroup("approval-zrzy").taskAssignee("officer-zrzy").endOr().list());
        compared += same(user + " involved", () -> taskService.createTaskQuery()
            .taskInvolvedUser("officer-zrzy").list());
        compared += same(user + " involved or group", () -> taskService.createTaskQuery().or()
            .taskInvolvedUser("officer-zrzy").taskCandidateGroupIn(someGroups).endOr().list());
        // Sorted by a variable: a join that keeps DISTINCT.
        compared += same(user + " by group, by variable", () -> taskService.createTaskQuery()
            .taskCandidateGroupIn(someGroups).includeAssignedTasks()
            .orderByProcessVariable("projectCode", ValueType.STRING).asc().orderByTaskId().asc()
            .listPage(0, 5));
        for (var filter : filterService.createFilterQuery().list()) {
          compared += same(user + " " + filter.getName(), () -> filterService.list(filter.getId()));
          compared += same(user + " " + filter.getName() + " count",
              () -> List.of(filterService.count(filter.getId())));
        }
      } finally {
        identityService.clearAuthentication();
      }
    }
    assertThat(compared).as("comparisons with visible tasks").isGreaterThan(20);
  }

  @Test
  void everyKindOfGrantShowsWhatCamundasJoinShows() {
    assertThat(new GrantMatrix(engine).compareEveryUser()).as("comparisons with visible tasks")
        .isGreaterThan(100);
  }

  @Test
  void theAuthorizedGroupIdsAreCamundasOwn() {
    var commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration()
        .getCommandExecutorTxRequired();
    List<Object> camunda = commands.execute(context -> context.getDbSqlSession().getSqlSession()
        .selectList("selectAuthorizedGroupIds"));
    List<Object> ours = commands.execute(context -> context.getDbSqlSession().getSqlSession()
        .selectList("selectAuthorizedGroupIdsBySkipScan"));
    // Camunda drops the NULL of user grants from its answer.
    assertThat(ours).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(camunda.stream().filter(Objects::nonNull).toList())
        .contains("approval-fgw");
  }

  private int same(String what, Supplier<List<?>> query) {
    return new AgainstCamunda(engine).same(what, query);
  }

  private DbSqlSessionFactory sessions() {
    return new AgainstCamunda(engine).sessions();
  }
}
