package cn.kaifeng.jointapproval.project;

import cn.kaifeng.jointapproval.web.ApiError;
/** No project with this code: answered 404. */
public class ProjectNotFoundException extends RuntimeException implements ApiError {

  public ProjectNotFoundException(String code) {
    super("未找到项目 " + code);
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String title() {
    return "未找到";
  }
}
