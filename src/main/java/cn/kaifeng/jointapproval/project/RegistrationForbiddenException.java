package cn.kaifeng.jointapproval.project;

import org.camunda.bpm.engine.ProcessEngineException;

/** The user may not register this project: answered 403; shown as is in Tasklist. */
public class RegistrationForbiddenException extends ProcessEngineException {

  public RegistrationForbiddenException(String message) {
    super(message);
  }
}
