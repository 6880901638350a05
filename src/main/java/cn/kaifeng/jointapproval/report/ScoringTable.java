package cn.kaifeng.jointapproval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The scoring rules as data: the latest deployed version of the DMN table {@code evaluation-score}
 * gives, per audience and rule, a weight (points per unit of the figure) and a cap on the points
 * either way. A designer who changes a weight in Camunda Modeler and deploys it changes the next
 * report computed; published reports keep the weights they were computed with.
 *
 * <p>The table is evaluated by a DMN engine of its own, not through the engine's decision
 * service: a report that is not published yet is computed each time somebody reads it, in a
 * read-only transaction, and the decision service writes a decision history for every evaluation
 * (PostgreSQL refused those inserts: every such read failed). Nothing needs that history: each
 * line of a report keeps its weights, and the report the table's version.
 */
@Component
public class ScoringTable {

  public static final String DECISION = "evaluation-score";

  /** A rule's weight and cap in the version of the table in force. */
  public record Weight(BigDecimal weight, BigDecimal cap) {

    /** figure × weight, held within ±cap (no cap when it is zero), to two decimals. */
    public BigDecimal points(BigDecimal figure) {
      if (figure == null) {
        return BigDecimal.ZERO.setScale(2);
      }
      var points = figure.multiply(weight);
      if (cap.signum() > 0) {
        points = points.min(cap).max(cap.negate());
      }
      return points.setScale(2, RoundingMode.HALF_UP);
    }
  }

  /** Camunda's DMN engine as the engine configures it by default, without history listeners. */
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
      .buildEngine();
  private final ProcessEngineConfigurationImpl engine;

  public ScoringTable(ProcessEngine engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** The rule's weight for the audience, or empty when the table does not score it. */
  public Optional<Weight> weight(Audience audience, Rule rule) {
    var result = dmn.evaluateDecisionTable(latest(), Variables.createVariables()
        .putValue("audience", audience.name()).putValue("rule", rule.name()));
    var single = result.getSingleResult();
    // An empty output cell is no entry at all: read the map, not getEntry (which throws).
    var entries = single == null ? Map.<String, Object>of() : single.getEntryMap();
    if (entries.get("weight") == null) {
      return Optional.empty();
    }
    Object cap = entries.get("maxPoints");
    return Optional.of(new Weight(decimal(entries.get("weight")),
        cap == null ? BigDecimal.ZERO : decimal(cap).abs()));
  }

  /** The version of the table that {@link #weight} evaluates now. */
  public int version() {
    return latest().getVersion();
  }

  /**
   * The latest deployed version, parsed once by the engine (its deployment cache). Read as the
   * application, whoever looks at the report: the reader's grants decide which report they may
   * see (ReportAccess), not which rules score it.
   */
  private DecisionDefinitionEntity latest() {
    return engine.getCommandExecutorTxRequired().execute(
        context -> (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
            .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION));
  }

  private static BigDecimal decimal(Object value) {
    return new BigDecimal(value.toString());
  }
}
