package cn.kaifeng.jointapproval.trust;

import org.camunda.bpm.engine.ProcessEngineException;

/** The work was done already (a task completed by someone else): 409, nothing changed. */
public class SubmissionConflictException extends ProcessEngineException {

  public SubmissionConflictException(String message) {
    super(message);
    CommandFailures.record(this);
  }
}
