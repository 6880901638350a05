package cn.kaifeng.jointapproval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The scoring rules as data: the latest deployed version of the DMN table {@code evaluation-score}
 * gives, per audience and rule, a weight (points per unit of the figure) and a cap on the points
 * either way. A designer who changes a weight in Camunda Modeler and deploys it changes the next
 * report computed; published reports keep the weights they were computed with.
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

  private final DecisionService decisions;
  private final RepositoryService repository;

  public ScoringTable(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** The rule's weight for the audience, or empty when the table does not score it. */
  public Optional<Weight> weight(Audience audience, Rule rule) {
    var result = decisions.evaluateDecisionTableByKey(DECISION,
        Map.of("audience", audience.name(), "rule", rule.name()));
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
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult().getVersion();
  }

  private static BigDecimal decimal(Object value) {
    return new BigDecimal(value.toString());
  }
}
