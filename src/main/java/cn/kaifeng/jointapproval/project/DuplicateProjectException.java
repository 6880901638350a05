package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.web.ApiError;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A project with this code is registered already: answered 409. A process engine exception, so
 * that Tasklist shows its message when the start form hits it.
 */
public class DuplicateProjectException extends ProcessEngineException implements ApiError {

  private final String code;

  public DuplicateProjectException(String code) {
    super("项目代码 " + code + " 已登记，不能重复登记");
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String title() {
    return "项目已存在";
  }

  @Override
  public java.util.Map<String, Object> properties() {
    return java.util.Map.of("code", code);
  }
}
