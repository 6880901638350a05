package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.decision.RuleOutputsHistoryProducer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The decision history ({@link RuleOutputsHistoryProducer}) names every matched rule and keeps
 * every computed output; an output that is a literal of its rule is not stored again, and reading
 * it from the rule of the evaluated table version gives exactly the value the evaluation returned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DecisionHistoryTest {

  @Autowired RepositoryService repositoryService;
  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @Test
  void keepsTheFirstOutputOfEachMatchedRuleAndEveryComputedOne() {
    var deployment = repositoryService.createDeployment().name("history-outputs")
        .addString("history-outputs.dmn", TABLE).deploy();
    try {
      var result = decisionService.evaluateDecisionTableByKey("historyOutputs",
          Map.of("x", 4)).getResultList();
      assertThat(result).hasSize(2);

      var outputs = outputsOf(latest("historyOutputs"));
      assertThat(outputs).extracting(o -> o.getRuleId() + "." + o.getVariableName() + "="
          + o.getValue()).containsExactly(
              // rule 1: its first output names it; "甲" is written in the rule; x * 2 is computed
              "literalFirst.code=A", "literalFirst.doubled=8",
              // rule 2: its first output is computed, the literal after it is not stored again
              "computedFirst.code=B", "computedFirst.doubled=8");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void approvalItemsStoresOneOutputPerItemAndTheTableGivesTheRest() {
    var inputs = Map.<String, Object>of("track", "GENERAL", "governmentInvested", true,
        "annualEnergyTce", 5000.0, "historicArea", true, "forestLand", true,
        "landAreaHectares", 2.0, "hazardousGoods", true, "civilAirDefence", true,
        "roadWorks", true, "specialEquipment", true);
    var result = decisionService.evaluateDecisionTableByKey("approval-items", inputs)
        .getResultList();
    var instance = latest("approval-items");
    var outputs = outputsOf(instance);

    assertThat(outputs).extracting(HistoricDecisionOutputInstance::getVariableName)
        .containsOnly("itemCode");
    assertThat(outputs).hasSameSizeAs(result);

    var definition = repositoryService.getDecisionDefinition(instance.getDecisionDefinitionId());
    var table = table(definition);
    var compared = new ArrayList<String>();
    for (int i = 0; i < outputs.size(); i++) {
      String ruleId = outputs.get(i).getRuleId();
      var rule = table.getRules().stream()
          .filter(r -> r.getId().equals(ruleId)).findFirst().orElseThrow();
      var row = result.get(i);
      assertThat(row.get("itemCode")).isEqualTo(outputs.get(i).getValue());
      for (int o = 0; o < table.getOutputs().size(); o++) {
        String name = table.getOutputs().get(o).getOutputName();
        assertThat(literal(rule, o)).as("%s of %s", name, rule.getId())
            .isEqualTo(String.valueOf(row.get(name)));
        compared.add(rule.getId() + "." + name);
      }
    }
    assertThat(compared).hasSize(result.size() * 5);
    assertThat(result.size()).isGreaterThan(15);
  }

  private HistoricDecisionInstance latest(String key) {
    return historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key)
        .includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).get(0);
  }

  private static List<HistoricDecisionOutputInstance> outputsOf(HistoricDecisionInstance i) {
    return i.getOutputs().stream()
        .sorted(Comparator.comparing(HistoricDecisionOutputInstance::getRuleOrder)
            .thenComparing(HistoricDecisionOutputInstance::getClauseId)).toList();
  }

  private DmnDecisionTableImpl table(DecisionDefinition definition) {
    try (var model = repositoryService.getDecisionModel(definition.getId())) {
      return (DmnDecisionTableImpl) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
          .buildEngine().parseDecision(definition.getKey(), model).getDecisionLogic();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule's entry for output {@code o} as a value's text: a FEEL string without quotes. */
  private static String literal(DmnDecisionTableRuleImpl rule, int o) {
    String text = rule.getConclusions().get(o).getExpression().trim();
    return text.startsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }

  private static final String TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="historyOutputsDefinitions" name="测试" namespace="http://kaifeng.cn/joint-approval/test">
        <decision id="historyOutputs" name="历史输出" camunda:historyTimeToLive="1">
          <decisionTable id="historyOutputsTable" hitPolicy="COLLECT">
            <input id="inputX"><inputExpression id="inputXExpression" typeRef="integer">
              <text>x</text></inputExpression></input>
            <output id="outputCode" name="code" typeRef="string" />
            <output id="outputLabel" name="label" typeRef="string" />
            <output id="outputDoubled" name="doubled" typeRef="integer" />
            <rule id="literalFirst">
              <inputEntry id="literalFirstIn"><text>&gt; 0</text></inputEntry>
              <outputEntry id="literalFirstCode"><text>"A"</text></outputEntry>
              <outputEntry id="literalFirstLabel"><text>"甲"</text></outputEntry>
              <outputEntry id="literalFirstDoubled"><text>x * 2</text></outputEntry>
            </rule>
            <rule id="computedFirst">
              <inputEntry id="computedFirstIn"><text>&gt; 1</text></inputEntry>
              <outputEntry id="computedFirstCode"><text>upper case("b")</text></outputEntry>
              <outputEntry id="computedFirstLabel"><text>"乙"</text></outputEntry>
              <outputEntry id="computedFirstDoubled"><text>x * 2</text></outputEntry>
            </rule>
            <rule id="unmatched">
              <inputEntry id="unmatchedIn"><text>&lt; 0</text></inputEntry>
              <outputEntry id="unmatchedCode"><text>"C"</text></outputEntry>
              <outputEntry id="unmatchedLabel"><text>"丙"</text></outputEntry>
              <outputEntry id="unmatchedDoubled"><text>0</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;
}
