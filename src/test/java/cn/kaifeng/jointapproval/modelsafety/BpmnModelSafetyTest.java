package cn.kaifeng.jointapproval.modelsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaifeng.jointapproval.escalation.MeetingSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process designer's BPMN model may use the project's delegates, listeners and helpers, and
 * nothing else of the server: each forbidden construct is refused at deploy time, naming the
 * element, and nothing is deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BpmnModelSafetyTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired MeetingSchedule meetingSchedule;
  @Autowired TestRestTemplate rest;

  /** One forbidden construct, the element that carries it and a word the message must name. */
  record Forbidden(String name, String elementId, String names, String process, String root) {
    Forbidden(String name, String elementId, String names, String process) {
      this(name, elementId, names, process, "");
    }

    String processId() {
      return "forbidden-" + name;
    }

    String xml() {
      return Models.bpmn(processId(), process, root);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static String after(String target, String element) {
    return "<bpmn:sequenceFlow id=\"toTarget\" sourceRef=\"start\" targetRef=\"" + target
        + "\" />" + element;
  }

  static Stream<Forbidden> forbidden() {
    return Stream.of(
        new Forbidden("script-task", "runScript", "脚本", after("runScript", """
            <bpmn:scriptTask id="runScript" scriptFormat="groovy">
              <bpmn:script>'rm -rf /'.execute()</bpmn:script>
            </bpmn:scriptTask>""")),
        new Forbidden("runtime-class", "runtimeClass", "java.lang.Runtime", after("runtimeClass",
            "<bpmn:serviceTask id=\"runtimeClass\" camunda:class=\"java.lang.Runtime\" />")),
        new Forbidden("identity-service", "createUser", "identityService", after("createUser",
            "<bpmn:serviceTask id=\"createUser\" "
                + "camunda:expression=\"${identityService.createUser('x')}\" />")),
        new Forbidden("engine-services", "engineServices", "getProcessEngineServices",
            after("engineServices", "<bpmn:serviceTask id=\"engineServices\" "
                + "camunda:expression=\"${execution.getProcessEngineServices()}\" />")),
        new Forbidden("reflection", "reflection", "forName", after("reflection",
            "<bpmn:serviceTask id=\"reflection\" "
                + "camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\" />")),
        new Forbidden("bracket", "bracket", "processEngineServices", after("bracket",
            "<bpmn:serviceTask id=\"bracket\" "
                + "camunda:expression=\"${execution['processEngineServices']}\" />")),
        new Forbidden("script-condition", "scriptCondition", "language", after("choose", """
            <bpmn:exclusiveGateway id="choose" />
            <bpmn:sequenceFlow id="scriptCondition" sourceRef="choose" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">
                true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />""")),
        new Forbidden("task-listener-script", "listenedTask", "脚本", after("listenedTask", """
            <bpmn:userTask id="listenedTask">
              <bpmn:extensionElements>
                <camunda:taskListener event="create">
                  <camunda:script scriptFormat="groovy">task.name</camunda:script>
                </camunda:taskListener>
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        new Forbidden("input-script", "scriptInput", "脚本", after("scriptInput", """
            <bpmn:userTask id="scriptInput">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="x">
                    <camunda:script scriptFormat="javascript">1</camunda:script>
                  </camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        new Forbidden("form-validator-class", "validatedTask", "java.lang.Runtime",
            after("validatedTask", """
                <bpmn:userTask id="validatedTask">
                  <bpmn:extensionElements>
                    <camunda:formData>
                      <camunda:formField id="opinion" type="string">
                        <camunda:validation>
                          <camunda:constraint name="validator" config="java.lang.Runtime" />
                        </camunda:validation>
                      </camunda:formField>
                    </camunda:formData>
                  </bpmn:extensionElements>
                </bpmn:userTask>""")),
        new Forbidden("timer-bean", "beanTimer", "runtimeService", after("beanTimer", """
            <bpmn:intermediateCatchEvent id="beanTimer">
              <bpmn:timerEventDefinition id="TimerEventDefinition_0x1">
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT${runtimeService
                  .createProcessInstanceQuery().count()}M</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>""")),
        new Forbidden("candidate-groups-bean", "dropTables", "dataSource", after("dropTables",
            "<bpmn:userTask id=\"dropTables\" camunda:candidateGroups=\"${dataSource.connection"
                + ".createStatement().execute('drop table project')}\" />")),
        new Forbidden("message-end-class", "mailEnd", "java.lang.ProcessBuilder",
            after("mailEnd", """
                <bpmn:endEvent id="mailEnd">
                  <bpmn:messageEventDefinition id="MessageEventDefinition_0x1"
                      camunda:class="java.lang.ProcessBuilder" />
                </bpmn:endEvent>""")),
        new Forbidden("call-activity-in", "callOut", "repositoryService", after("callOut", """
            <bpmn:callActivity id="callOut" calledElement="send-mail">
              <bpmn:extensionElements>
                <camunda:in target="n"
                    sourceExpression="${repositoryService.createDeploymentQuery().count()}" />
              </bpmn:extensionElements>
            </bpmn:callActivity>""")),
        new Forbidden("task-name", "namedTask", "processEngine", after("namedTask",
            "<bpmn:userTask id=\"namedTask\" "
                + "name=\"${execution.processEngine.identityService.userQuery.count()}\" />")),
        new Forbidden("message-name", "leakyMessage", "environment", "",
            "<bpmn:message id=\"leakyMessage\" "
                + "name=\"${environment.getProperty('spring.datasource.password')}\" />"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbidden")
  void refusesTheModelAtDeployTimeNamingTheElement(Forbidden model) {
    assertThatThrownBy(() -> repositoryService.createDeployment().name(model.processId())
        .addString(model.processId() + ".bpmn", model.xml()).deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("部署被拒绝")
        .hasMessageContaining("元素 " + model.elementId() + "：")
        .hasMessageContaining(model.names())
        .satisfies(e -> assertThat(((ParseException) e).getResorceReports().get(0).getErrors())
            .anySatisfy(problem ->
                assertThat(problem.getMainElementId()).isEqualTo(model.elementId())));

    assertThat(repositoryService.createDeploymentQuery().deploymentName(model.processId())
        .count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(model.processId()).count()).isZero();
  }

  /** Uses what the project's own models use: helpers, delegates, variables, execution. */
  static final String ALLOWED = Models.bpmn("allowed-sketch", """
      <bpmn:sequenceFlow id="toReview" sourceRef="start" targetRef="review" />
      <bpmn:userTask id="review" name="审核 ${projectName}"
          camunda:candidateGroups="approval-${department}"
          camunda:dueDate="${meetingSchedule.nextClose()}">
        <bpmn:extensionElements>
          <camunda:inputOutput>
            <camunda:inputParameter name="code">#{execution.processBusinessKey}</camunda:inputParameter>
          </camunda:inputOutput>
          <camunda:taskListener event="complete" delegateExpression="${taskCompleterListener}" />
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:boundaryEvent id="later" attachedToRef="review" cancelActivity="false">
        <bpmn:timerEventDefinition id="TimerEventDefinition_0x2">
          <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${mailSettings.retryCycle}</bpmn:timeCycle>
        </bpmn:timerEventDefinition>
      </bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="toDone" sourceRef="review" targetRef="done" />
      <bpmn:endEvent id="done" />""");

  @Test
  void deploysAndRunsAModelThatUsesTheProjectsDelegatesAndHelpers() {
    var deployment = repositoryService.createDeployment().name("allowed-sketch")
        .addString("allowed-sketch.bpmn", ALLOWED).deploy();
    try {
      var instance = runtimeService.startProcessInstanceByKey("allowed-sketch", "KF-SAFE-1",
          Map.of("projectName", "兰考县智能家居产业园项目", "department", "fgw"));
      var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task.getName()).isEqualTo("审核 兰考县智能家居产业园项目");
      assertThat(task.getDueDate()).isEqualTo(meetingSchedule.nextClose());
      assertThat(taskService.createTaskQuery().taskCandidateGroup("approval-fgw")
          .processInstanceId(instance.getId()).count()).isOne();
      assertThat(runtimeService.getVariable(task.getExecutionId(), "code")).isEqualTo("KF-SAFE-1");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theProjectsOwnModelsPassTheCheckAtStart() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      var processIds = files.filter(file -> file.toString().endsWith(".bpmn"))
          .flatMap(file -> Bpmn.readModelFromFile(file.toFile())
              .getModelElementsByType(Process.class).stream())
          .map(Process::getId).toList();
      assertThat(processIds).isNotEmpty();
      assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
          .extracting(ProcessDefinition::getKey).containsAll(processIds);
    }
  }

  @Test
  void camundaModelerGetsA400NamingTheElementAndNothingIsDeployed() {
    var timer = forbidden().filter(model -> model.name().equals("timer-bean")).findFirst()
        .orElseThrow();
    var response = Models.deployAsModeler(rest, timer.processId() + ".bpmn", timer.xml());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(response.getBody().get("title").asText()).isEqualTo("模型不能部署");
    assertThat(response.getBody().get("message").asText())
        .contains("元素 beanTimer：", "runtimeService");
    assertThat(response.getBody().findValuesAsText("mainElementId")).contains("beanTimer");
    assertThat(repositoryService.createDeploymentQuery()
        .deploymentName(timer.processId() + ".bpmn").count()).isZero();
    assertThat(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(timer.processId()).count()).isZero();
  }

  @Test
  void camundaModelerDeploysAnAllowedModel() {
    var response = Models.deployAsModeler(rest, "allowed-sketch.bpmn", ALLOWED);
    try {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody().get("deployedProcessDefinitions").findValuesAsText("key"))
          .containsExactly("allowed-sketch");
    } finally {
      if (response.getBody() != null && response.getBody().hasNonNull("id")) {
        repositoryService.deleteDeployment(response.getBody().get("id").asText(), true);
      }
    }
  }
}
