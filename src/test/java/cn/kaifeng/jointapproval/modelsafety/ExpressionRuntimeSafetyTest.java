package cn.kaifeng.jointapproval.modelsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.trust.TaskCompleterListener;
import cn.kaifeng.jointapproval.deadline.DeadlineService;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * At run time expressions see only the allowed beans, and no member name leads to the engine's
 * services or to reflection, however the expression reaches it: not only in deployed models but
 * wherever the engine evaluates an expression, such as a stored Tasklist filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExpressionRuntimeSafetyTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  private String deploymentId;
  private String executionId;

  @BeforeEach
  void startAnInstance() {
    deploymentId = repositoryService.createDeployment().name("runtime-sketch")
        .addString("runtime-sketch.bpmn", Models.bpmn("runtime-sketch", """
            <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait" />
            <bpmn:userTask id="wait" />""")).deploy().getId();
    executionId = runtimeService.startProcessInstanceByKey("runtime-sketch", "KF-RUN-1",
        Map.of("member", "processEngineServices")).getId();
  }

  @AfterEach
  void removeIt() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  /** Evaluates as the engine does for a model element of the running instance. */
  private Object evaluate(String expression) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(commandContext ->
        configuration.getExpressionManager().createExpression(expression)
            .getValue(commandContext.getExecutionManager().findExecutionById(executionId)));
  }

  @Test
  void resolvesTheProjectsBeansAndNoOther() {
    assertThat(evaluate("${deadlines}")).isInstanceOf(DeadlineService.class);
    assertThat(evaluate("${taskCompleterListener}")).isInstanceOf(TaskCompleterListener.class);
    assertThat(evaluate("${execution.processBusinessKey}")).isEqualTo("KF-RUN-1");
    assertThatThrownBy(() -> evaluate("${identityService}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("identityService");
    assertThatThrownBy(() -> evaluate("${dataSource.connection}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dataSource");
    var beans = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getBeans();
    assertThat(beans).containsKeys("deadlines", "projectItems", "mailSettings",
        "meetingSchedule", "taskCompleterListener").doesNotContainKeys("identityService",
        "dataSource", "projectRepository", "processEngineConfigurationImpl");
  }

  @Test
  void refusesEngineServicesAndReflectionEvenWhenTheNameIsComputed() {
    assertThatThrownBy(() -> evaluate("${execution[member]}"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("processEngineServices");
    assertThatThrownBy(() -> evaluate("${execution.getProcessEngine()}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("getProcessEngine");
    assertThatThrownBy(() -> evaluate("${deadlines.getClass()}"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("getClass");
  }

  @Test
  void aStoredTaskFilterCannotReachOtherBeansEither() {
    var filter = filterService.newTaskFilter("越权过滤器").setQuery(taskService.createTaskQuery()
        .taskCandidateGroupExpression(
            "${identityService.saveUser(identityService.newUser('mallory'))}"));
    filterService.saveFilter(filter);
    try {
      assertThatThrownBy(() -> filterService.list(filter.getId()))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("identityService");
      assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    } finally {
      filterService.deleteFilter(filter.getId());
    }
  }
}
