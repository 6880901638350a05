package cn.kaifeng.jointapproval.report;

import cn.kaifeng.jointapproval.web.ApiError;

/** A change a report refuses (published versions never change; one draft at a time): 409. */
public class ReportConflictException extends RuntimeException implements ApiError {

  public ReportConflictException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String title() {
    return "通报不可更改";
  }
}
