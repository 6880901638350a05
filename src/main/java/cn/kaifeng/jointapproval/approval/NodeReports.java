package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.NodeRecording;
import cn.kaifeng.jointapproval.project.ProjectNodes;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import cn.kaifeng.jointapproval.project.RegistrationPolicy;
import cn.kaifeng.jointapproval.web.ForbiddenException;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the next node of a project's life ({@code POST /api/projects/{code}/nodes}, DOMAIN.md
 * §8.1). The project's county (its chief service officers, the named one among them) or the key
 * projects office report it; {@link NodeRecording} checks it against the ledger. Then:
 * {@code LANDED} writes the delisting date and starts joint approval; {@code STARTED} wakes the
 * waiting process, which stops the clock; the others are recorded in the ledger. One transaction
 * under the project's row lock: two reports at once are serialized, and a refusal changes nothing.
 */
@Service
public class NodeReports {

  private final ProjectRepository projects;
  private final RegistrationPolicy policy;
  private final NodeRecording recording;
  private final ProjectNodes nodes;
  private final ConstructionStarts starts;
  private final JointApprovalStart approvalStart;

  NodeReports(ProjectRepository projects, RegistrationPolicy policy, NodeRecording recording,
      ProjectNodes nodes, ConstructionStarts starts, JointApprovalStart approvalStart) {
    this.projects = projects;
    this.policy = policy;
    this.recording = recording;
    this.nodes = nodes;
    this.starts = starts;
    this.approvalStart = approvalStart;
  }

  @Transactional
  public void record(String code, Map<String, Object> body, String userId,
      Collection<String> groups) {
    var project = projects.get(code);
    if (!policy.mayRegister(groups, project.county())) {
      throw new ForbiddenException("无权登记项目 " + code + " 的节点：只有"
          + project.county().displayName() + "的首席服务官或市重点办可以登记");
    }
    // Two reports at once: the second waits here and then finds the node reached.
    projects.lock(code);
    project = projects.get(code);
    var report = recording.check(project, nodes.of(code), body);
    switch (report.node()) {
      case STARTED -> starts.start(project, report.date(), userId);
      case LANDED -> {
        projects.land(code, report.date());
        nodes.recorded(code, Node.LANDED, report.date(), userId, "土地摘牌，启动联审联批");
        approvalStart.start(code);
      }
      case SIGNED -> {
        projects.sign(code, report.investor(), report.fortune500());
        nodes.recorded(code, Node.SIGNED, report.date(), userId, "投资方 " + report.investor()
            + (report.fortune500() ? "（世界500强）" : ""));
      }
      default -> nodes.recorded(code, report.node(), report.date(), userId, null);
    }
  }
}
