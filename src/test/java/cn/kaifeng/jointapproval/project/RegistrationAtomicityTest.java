package cn.kaifeng.jointapproval.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import cn.kaifeng.jointapproval.approval.ApprovalPlanner;
import cn.kaifeng.jointapproval.approval.OpenItemDelegate;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Registration is one transaction: a failure after the ledger record and the process instance
 * were created leaves neither (nor any clock or history). The first stage then opens in a job of
 * its own, all items or none: a failure there rolls the stage back, leaves the registered project
 * whole, and the retry opens the stage once.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegistrationAtomicityTest {

  @Autowired ProjectRegistrationService registration;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @MockitoSpyBean ApprovalPlanner planner;
  @MockitoSpyBean OpenItemDelegate openItem;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  @Test
  void aFailureInALaterStepLeavesNoProjectAndNoProcessInstance() {
    doThrow(new IllegalStateException("calendar unavailable"))
        .when(planner).plan(any(), anyInt(), any());
    var code = ProjectFixtures.newCode("ATOM");
    var body = ProjectFixtures.body(code, ChinaTime.today().minusDays(3).toString());

    assertThatThrownBy(() -> registration.register(body, "keyoffice",
        List.of("key-projects-office"))).hasMessageContaining("calendar unavailable");

    assertThat(jdbc.queryForObject("select count(*) from project where code = ?", Integer.class,
        code)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from project_event where project_code = ?",
        Integer.class, code)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from deadline where id like ?",
        Integer.class, "%" + code + "%")).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(code).count()).isZero();
  }

  @Test
  void theFirstStageOpensInItsOwnJobAllItemsOrNone() throws Exception {
    var code = ProjectFixtures.newCode("ASYNC");
    registration.register(ProjectFixtures.everything(
            ProjectFixtures.body(code, ChinaTime.today().minusDays(3).toString())),
        "keyoffice", List.of("key-projects-office"));
    String instance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(code).processDefinitionKey("joint-approval").singleResult()
        .getId();
    // Registered: the ledger, its items and their clocks, the instance, and the job that opens
    // the first stage; no task yet.
    assertThat(items(code, "PLANNED")).isEqualTo(19);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
    var job = managementService.createJobQuery().processInstanceId(instance).messages()
        .singleResult();
    assertThat(job).isNotNull();

    // The fifth item fails to open: the four before it are rolled back with it.
    var calls = new AtomicInteger();
    doAnswer(call -> {
      if (calls.incrementAndGet() == 5) {
        throw new IllegalStateException("ledger unavailable");
      }
      return call.callRealMethod();
    }).when(openItem).execute(any());
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("ledger unavailable");
    assertThat(items(code, "OPEN")).isZero();
    assertThat(items(code, "PLANNED")).isEqualTo(19);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("approval-item")
        .processInstanceBusinessKey(code).count()).isZero();
    var failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).as("retries left").isPositive();
    assertThat(failed.getExceptionMessage()).contains("ledger unavailable");

    // The retry, with the cause gone, opens the whole stage once.
    managementService.executeJob(job.getId());
    assertThat(items(code, "OPEN")).isEqualTo(12);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("reviewItem").count()).isEqualTo(12);
    assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isZero();
  }

  private int items(String code, String status) {
    return jdbc.queryForObject("select count(*) from project_item where project_code = ? "
        + "and status = ?", Integer.class, code, status);
  }
}
