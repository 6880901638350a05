package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.web.ApiError;

/** No report with that id, or one the user may not read yet (a draft): 404. */
public class ReportNotFoundException extends RuntimeException implements ApiError {

  public ReportNotFoundException(String what) {
    super("通报 " + what + " 不存在或尚未发布");
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "通报不存在";
  }
}
