package cn.kaifeng.jointapproval.decision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.history.producer.DefaultDmnHistoryEventProducer;

/**
 * Camunda's decision history without the outputs that only repeat the table: of each matched
 * rule it stores the first output (so the evaluation still names every rule it matched, and
 * Cockpit still marks them) and every output computed from the inputs, but not a further output
 * whose entry is a literal ({@code "fgw"}, {@code 15}, {@code true}). Such a value is written in
 * the rule itself, in the table version the evaluation names, and Cockpit shows the rule's cells.
 *
 * <p>{@code approval-items} matches about 19 rules of five literal outputs per registration: 95
 * output rows became 19, half of a registration's statements (README, Performance). The items
 * with their names, departments, stages and promised days are in the ledger as well.
 */
public class RuleOutputsHistoryProducer extends DefaultDmnHistoryEventProducer {

  /** A FEEL literal: a string without escapes, a number, a boolean or null. */
  private static final Pattern LITERAL =
      Pattern.compile("\\s*(?:\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?|true|false|null)\\s*");

  /**
   * Per table, worked out once: a registration's history asks it for 19 matched rules. Weak keys:
   * a table of a deployment that left the engine's cache goes with it.
   */
  private final Map<DmnDecisionTableImpl, Map<String, Set<String>>> literalsByTable =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  protected List<HistoricDecisionOutputInstance> createHistoricDecisionOutputInstances(
      DmnDecisionTableEvaluationEvent event, String rootProcessInstanceId, Date removalTime) {
    var outputs = super.createHistoricDecisionOutputInstances(event, rootProcessInstanceId,
        removalTime);
    if (!(event.getDecision().getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      return outputs;
    }
    var literals =
        literalsByTable.computeIfAbsent(table, RuleOutputsHistoryProducer::literalOutputs);
    var named = new HashSet<String>();
    var kept = new ArrayList<HistoricDecisionOutputInstance>(outputs.size());
    for (var output : outputs) {
      boolean firstOfRule = named.add(output.getRuleId());
      if (firstOfRule || !literals.getOrDefault(output.getRuleId(), Set.of())
          .contains(output.getClauseId())) {
        kept.add(output);
      }
    }
    return kept;
  }

  /** For each rule, the ids of the outputs whose entry in that rule is a FEEL literal. */
  private static Map<String, Set<String>> literalOutputs(DmnDecisionTableImpl table) {
    Map<String, Set<String>> literals = new HashMap<>();
    for (var rule : table.getRules()) {
      var conclusions = rule.getConclusions();
      for (int i = 0; i < conclusions.size() && i < table.getOutputs().size(); i++) {
        if (isLiteral(conclusions.get(i))) {
          literals.computeIfAbsent(rule.getId(), id -> new HashSet<>())
              .add(table.getOutputs().get(i).getId());
        }
      }
    }
    return literals;
  }

  private static boolean isLiteral(DmnExpressionImpl expression) {
    // Every name of FEEL contains it ("feel", the OMG's FEEL namespaces); deployment refuses the
    // other languages (modelsafety), and a table that names none uses FEEL.
    String language = expression.getExpressionLanguage();
    boolean feel = language == null || language.toLowerCase(Locale.ROOT).contains("feel");
    return feel && expression.getExpression() != null
        && LITERAL.matcher(expression.getExpression()).matches();
  }
}
