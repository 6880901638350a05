package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.identity.Roles;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import java.util.Collection;

/** Who may set a project's plan and report its progress: its county or the key projects office. */
final class ProjectEditors {

  private ProjectEditors() {}

  static void check(Project project, Collection<String> groups, String what) {
    if (!groups.contains(Roles.KEY_PROJECTS_OFFICE)
        && !groups.contains(project.county().group())) {
      throw new ForbiddenException("无权" + what + "项目 " + project.code() + "：只有"
          + project.county().displayName() + "首席服务官或市重点办可以" + what);
    }
  }
}
