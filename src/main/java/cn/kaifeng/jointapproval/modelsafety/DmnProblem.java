package cn.kaifeng.jointapproval.modelsafety;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** A refused DMN element as Camunda reports parse problems (REST: details of the 400). */
record DmnProblem(String message, String mainElementId) implements Problem {

  @Override
  public String getMessage() {
    return message;
  }

  /** The DMN model API keeps no line numbers. */
  @Override
  public int getLine() {
    return -1;
  }

  @Override
  public int getColumn() {
    return -1;
  }

  @Override
  public String getMainElementId() {
    return mainElementId;
  }

  @Override
  public List<String> getElementIds() {
    return List.of(mainElementId);
  }
}
