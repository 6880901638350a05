package cn.kaifeng.jointapproval.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;

import cn.kaifeng.jointapproval.approval.ApprovalPlanner;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Registration is one transaction: a failure after the ledger record and the process instance
 * were created leaves neither (nor any clock or history).
 */
@SpringBootTest
@ActiveProfiles("test")
class RegistrationAtomicityTest {

  @Autowired ProjectRegistrationService registration;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @MockitoSpyBean ApprovalPlanner planner;

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
}
