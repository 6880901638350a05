package cn.kaifeng.jointapproval.modelsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Decision tables must be FEEL; case models (CMMN) are not deployed at all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DmnAndCmmnSafetyTest {

  @Autowired RepositoryService repositoryService;
  @Autowired DecisionService decisionService;
  @Autowired TestRestTemplate rest;

  @ParameterizedTest
  @ValueSource(strings = {"javascript", "groovy", "juel"})
  void refusesADecisionTableInAnotherExpressionLanguage(String language) {
    String id = "decision-" + language;
    assertThatThrownBy(() -> repositoryService.createDeployment().name(id)
        .addString(id + ".dmn", Models.dmn(id, "scriptedInput", language)).deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("元素 scriptedInput：")
        .hasMessageContaining(language);

    assertThat(repositoryService.createDeploymentQuery().deploymentName(id).count()).isZero();
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(id)
        .count()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"feel-default,", "feel-short,feel",
      "feel-dmn13,https://www.omg.org/spec/DMN/20191111/FEEL/"})
  void deploysAndEvaluatesAFeelDecisionTable(String id, String language) {
    var deployment = repositoryService.createDeployment().name(id)
        .addString(id + ".dmn", Models.dmn(id, "Expression_" + id, language)).deploy();
    try {
      Object limit = decisionService.evaluateDecisionTableByKey(id, Map.of("track", "GENERAL"))
          .getSingleResult().getSingleEntry();
      assertThat(limit).isEqualTo(80);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void camundaModelerIsToldWhichDecisionElementIsRefused() {
    var response = Models.deployAsModeler(rest, "decision-rest.dmn",
        Models.dmn("decision-rest", "scriptedInput", "javascript"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText())
        .contains("元素 scriptedInput：", "javascript");
    assertThat(response.getBody().findValuesAsText("mainElementId")).contains("scriptedInput");
    assertThat(repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("decision-rest").count()).isZero();
  }

  @Test
  void aCaseModelIsStoredButNeverBecomesACaseDefinition() {
    var deployment = repositoryService.createDeployment().name("leaky-case")
        .addString("leaky.cmmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/cmmn"
                id="Definitions_leaky" targetNamespace="http://kaifeng.cn/joint-approval/test">
              <cmmn:case id="leakyCase">
                <cmmn:casePlanModel id="plan">
                  <cmmn:extensionElements>
                    <camunda:caseExecutionListener event="create" class="java.lang.Runtime" />
                  </cmmn:extensionElements>
                </cmmn:casePlanModel>
              </cmmn:case>
            </cmmn:definitions>
            """).deploy();
    try {
      assertThat(repositoryService.createCaseDefinitionQuery().caseDefinitionKey("leakyCase")
          .count()).isZero();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }
}
