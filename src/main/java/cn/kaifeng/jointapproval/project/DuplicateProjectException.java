package cn.kaifeng.jointapproval.project;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A project with this code is registered already: answered 409. A process engine exception, so
 * that Tasklist shows its message when the start form hits it.
 */
public class DuplicateProjectException extends ProcessEngineException {

  private final String code;

  public DuplicateProjectException(String code) {
    super("项目代码 " + code + " 已登记，不能重复登记");
    this.code = code;
  }

  public String code() {
    return code;
  }
}
