package cn.kaifeng.jointapproval.web;

/** The user is logged in but may not see or do this: answered 403 as problem details. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
