package cn.kaifeng.jointapproval.project;

/** No project with this code: answered 404. */
public class ProjectNotFoundException extends RuntimeException {

  public ProjectNotFoundException(String code) {
    super("未找到项目 " + code);
  }
}
