package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.web.ApiError;

/** No problem with that id: 404. */
public class ProblemNotFoundException extends RuntimeException implements ApiError {

  public ProblemNotFoundException(String id) {
    super("问题 " + id + " 不存在");
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "问题不存在";
  }
}
