package cn.kaifeng.jointapproval.web;

/** The user is logged in but may not see or do this: answered 403 as problem details. */
public class ForbiddenException extends RuntimeException implements ApiError {

  public ForbiddenException(String message) {
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
