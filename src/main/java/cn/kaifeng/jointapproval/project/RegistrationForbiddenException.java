package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.web.ApiError;
import org.camunda.bpm.engine.ProcessEngineException;

/** The user may not register this project: answered 403; shown as is in Tasklist. */
public class RegistrationForbiddenException extends ProcessEngineException implements ApiError {

  public RegistrationForbiddenException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 403;
  }

  @Override
  public String title() {
    return "无权操作";
  }
}
