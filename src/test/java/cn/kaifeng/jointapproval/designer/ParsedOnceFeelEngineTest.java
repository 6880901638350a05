package cn.kaifeng.jointapproval.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.kaifeng.jointapproval.decision.FeelEnginePlugin;
import cn.kaifeng.jointapproval.decision.ParsedOnceFeelEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The engine's FEEL engine that parses each expression once ({@link ParsedOnceFeelEngine}, set by
 * {@link FeelEnginePlugin}) answers exactly as Camunda's own: for every case of every rule of every
 * table in {@code bpmn/*.dmn} (the cases of {@link DecisionRulesTest}), the same result rows with
 * the same value types, or the same failure; asked twice, so the second answer comes from what the
 * first one parsed and remembered.
 */
class ParsedOnceFeelEngineTest {

  private final DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();
  private final DefaultDmnEngineConfiguration configured = configuredByThePlugin();
  private final DmnEngine parsedOnce = configured.buildEngine();

  @Test
  void thePluginGivesTheEngineTheParsedOnceFeelEngine() {
    assertThat(configured.getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
  }

  @Test
  void everyRuleOfEveryTableGetsTheSameAnswer() throws IOException {
    List<Path> tables;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      tables = files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(tables).isNotEmpty();
    Set<String> compared = new LinkedHashSet<>();
    Set<String> rules = new LinkedHashSet<>();
    for (Path file : tables) {
      List<DmnDecision> plainDecisions;
      List<DmnDecision> parsedOnceDecisions;
      try (InputStream a = Files.newInputStream(file); InputStream b = Files.newInputStream(file)) {
        plainDecisions = plain.parseDecisions(a);
        parsedOnceDecisions = parsedOnce.parseDecisions(b);
      }
      for (int d = 0; d < plainDecisions.size(); d++) {
        var decision = plainDecisions.get(d);
        if (!decision.isDecisionTable()) {
          continue;
        }
        var table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        var cases = new RuleCases(table);
        for (int rule = 0; rule < table.getRules().size(); rule++) {
          String id = decision.getKey() + "/" + table.getRules().get(rule).getId();
          rules.add(id);
          for (Map<String, Object> variables : cases.forRule(rule)) {
            var expected = answer(plain, decision, variables);
            for (int round = 1; round <= 2; round++) {
              assertThat(answer(parsedOnce, parsedOnceDecisions.get(d), variables))
                  .as("%s, %s, round %d", id, variables, round).isEqualTo(expected);
            }
            compared.add(id);
          }
        }
      }
    }
    assertThat(compared).as("rules compared").isEqualTo(rules);
    assertThat(rules).as("approval-items has 60 rules").hasSizeGreaterThan(60);
  }

  @Test
  void aFailureIsCamundasOwnAndIsNotRemembered() {
    // An input entry that does not parse; an output whose value depends on the variables' types
    // (FEEL answers null for the length of a number); an assertion that fails for y = 3.
    String table = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d"
            namespace="http://kaifeng.cn/joint-approval/test">
          <decision id="broken" name="出错">
            <decisionTable id="t" hitPolicy="COLLECT">
              <input id="i"><inputExpression id="e" typeRef="double"><text>x</text>
              </inputExpression></input>
              <output id="o" name="r" typeRef="double" />
              <rule id="r1"><inputEntry id="a"><text>&gt;&gt; 1</text></inputEntry>
                <outputEntry id="b"><text>1</text></outputEntry></rule>
            </decisionTable>
          </decision>
          <decision id="lengthOfY" name="长度">
            <decisionTable id="t2" hitPolicy="COLLECT">
              <input id="i2"><inputExpression id="e2" typeRef="double"><text>x</text>
              </inputExpression></input>
              <output id="o2" name="r" typeRef="string" />
              <rule id="r2"><inputEntry id="a2"><text></text></inputEntry>
                <outputEntry id="b2"><text>string length(y)</text></outputEntry></rule>
            </decisionTable>
          </decision>
          <decision id="asserting" name="断言">
            <decisionTable id="t3" hitPolicy="COLLECT">
              <input id="i3"><inputExpression id="e3" typeRef="double"><text>x</text>
              </inputExpression></input>
              <output id="o3" name="r" typeRef="double" />
              <rule id="r3"><inputEntry id="a3"><text></text></inputEntry>
                <outputEntry id="b3"><text>assert(y, y &gt; 5)</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
    for (String key : List.of("broken", "lengthOfY", "asserting")) {
      var a = plain.parseDecision(key, stream(table));
      var b = parsedOnce.parseDecision(key, stream(table));
      for (int round = 1; round <= 2; round++) {
        for (Object y : List.of(3, 7, "abc")) {
          assertThat(answer(parsedOnce, b, Map.of("x", 2.0, "y", y)))
              .as("%s, y = %s, round %d", key, y, round)
              .isEqualTo(answer(plain, a, Map.of("x", 2.0, "y", y)));
        }
      }
    }
    assertThat(answer(parsedOnce, parsedOnce.parseDecision("broken", stream(table)),
        Map.of("x", 2.0))).asString().startsWith("failure").contains(">> 1");
    assertThat(answer(parsedOnce, parsedOnce.parseDecision("lengthOfY", stream(table)),
        Map.of("x", 2.0, "y", "abc"))).isEqualTo(List.of(Map.of("r", "java.lang.String:3")));
    assertThat(answer(parsedOnce, parsedOnce.parseDecision("asserting", stream(table)),
        Map.of("x", 2.0, "y", 3))).asString().startsWith("failure").contains("Assertion failure");
  }

  /** The result rows with each value's type, or the failure's message. */
  private static Object answer(DmnEngine engine, DmnDecision decision, Map<String, Object> vars) {
    Throwable failure = catchThrowable(() -> engine.evaluateDecisionTable(decision, vars));
    if (failure != null) {
      return "failure " + failure.getClass().getName() + ": " + failure.getMessage();
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (var row : engine.evaluateDecisionTable(decision, vars).getResultList()) {
      Map<String, String> typed = new HashMap<>();
      row.forEach((name, value) -> typed.put(name,
          value == null ? "null" : value.getClass().getName() + ":" + value));
      rows.add(typed);
    }
    return rows;
  }

  private static DefaultDmnEngineConfiguration configuredByThePlugin() {
    var engineConfiguration = new StandaloneInMemProcessEngineConfiguration();
    new FeelEnginePlugin().preInit(engineConfiguration);
    return engineConfiguration.getDmnEngineConfiguration();
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
