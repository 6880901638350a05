package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of every decision table in {@code bpmn/*.dmn} is hit by at least one case. The cases
 * come from the table itself ({@link RuleCases}): for each rule, values its entries accept; the
 * hits are the rule ids the DMN engine reports as matched. A rule no case reaches is dead (shadowed by an earlier one under
 * FIRST, or its conditions contradict each other) and fails the test with its id.
 */
class DecisionRulesTest {

  private final Set<String> hits = new HashSet<>();
  private final DmnEngine dmn;

  DecisionRulesTest() {
    var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener recordHits = event -> event.getMatchingRules()
        .forEach(rule -> hits.add(event.getDecisionTable().getKey() + "/" + rule.getId()));
    configuration.customPostDecisionTableEvaluationListeners(List.of(recordHits));
    dmn = configuration.buildEngine();
  }

  @TestFactory
  Stream<DynamicTest> everyRuleOfEveryTableIsHit() throws IOException {
    List<Path> tables;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      tables = files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(tables).isNotEmpty();
    return tables.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
        () -> walk(file)));
  }

  private void walk(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      var missed = missedRules(in);
      assertThat(missed).as("decision tables in " + file).isNotEmpty();
      missed.forEach((decision, rules) -> assertThat(rules)
          .as("rules of %s in %s that no case hits", decision, file.getFileName()).isEmpty());
    }
  }

  @Test
  void aRuleThatCanNeverBeHitIsReported() {
    // FIRST: the catch-all above the second rule takes every case, so the second is dead.
    String shadowed = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d"
            namespace="http://kaifeng.cn/joint-approval/test">
          <decision id="shadowed" name="遮蔽">
            <decisionTable id="t" hitPolicy="FIRST">
              <input id="i"><inputExpression id="e" typeRef="string"><text>track</text>
              </inputExpression></input>
              <output id="o" name="limit" typeRef="integer" />
              <rule id="catchAll"><inputEntry id="a"><text></text></inputEntry>
                <outputEntry id="b"><text>80</text></outputEntry></rule>
              <rule id="dead"><inputEntry id="c"><text>"FTZ"</text></inputEntry>
                <outputEntry id="d2"><text>50</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
    var missed = missedRules(new java.io.ByteArrayInputStream(
        shadowed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(missed).containsEntry("shadowed", Set.of("dead"));
  }

  /** Decision key → ids of the rules of its table that no case hits. */
  private Map<String, Set<String>> missedRules(InputStream in) {
    Map<String, Set<String>> missed = new java.util.TreeMap<>();
    for (DmnDecision decision : dmn.parseDecisions(in)) {
      if (!decision.isDecisionTable()) {
        continue;
      }
      var table = (DmnDecisionTableImpl) decision.getDecisionLogic();
      var cases = new RuleCases(table);
      for (int rule = 0; rule < table.getRules().size(); rule++) {
        String hit = decision.getKey() + "/" + table.getRules().get(rule).getId();
        for (Map<String, Object> variables : cases.forRule(rule)) {
          if (hits.contains(hit)) {
            break;
          }
          try {
            dmn.evaluateDecision(decision, variables);
          } catch (RuntimeException e) {
            // Two rules of a UNIQUE table match: neither counts as hit by this case.
          }
        }
      }
      Set<String> dead = new LinkedHashSet<>();
      table.getRules().forEach(rule -> {
        if (!hits.contains(decision.getKey() + "/" + rule.getId())) {
          dead.add(rule.getId());
        }
      });
      missed.put(decision.getKey(), dead);
    }
    return missed;
  }
}
