package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.modelsafety.ModelExpressionBean;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A business rule task's result handed to the next steps of the same transaction without storing
 * it: BPMN output mappings such as {@code ${decisionOutputs.rows(decisionResult)}} (where
 * {@code decisionResult} is Camunda's own result of the task's evaluation) give transient
 * variables. The registration's decisions used to be stored as process variables (JSON with its
 * byte arrays, historised and detailed) that nothing read after the registration: the items and
 * the track are kept in the ledger, and every evaluation with its inputs and outputs in the
 * decision history. Over a stored variable of the same name (one a caller supplied) the engine
 * refuses to set a transient one, so a caller never picks a result.
 */
@Component("decisionOutputs")
@ModelExpressionBean
public class DecisionOutputs {

  /** Every matched rule's outputs (a list of maps by output name), for this transaction only. */
  public TypedValue rows(DmnDecisionResult result) {
    return Variables.objectValue(result.getResultList(), true).create();
  }

  /** One output of the single matched rule (null when none matched), for this transaction only. */
  public TypedValue single(DmnDecisionResult result, String output) {
    var entries = result.getSingleResult();
    return Variables.untypedValue(entries == null ? null : entries.get(output), true);
  }
}
