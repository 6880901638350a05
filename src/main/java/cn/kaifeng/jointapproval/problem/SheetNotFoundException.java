package cn.kaifeng.jointapproval.problem;

import cn.kaifeng.jointapproval.web.ApiError;

/** No weekly list with that id: 404. */
public class SheetNotFoundException extends RuntimeException implements ApiError {

  public SheetNotFoundException(String id) {
    super("交办单 " + id + " 不存在");
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "交办单不存在";
  }
}
