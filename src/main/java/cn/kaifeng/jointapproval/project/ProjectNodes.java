package cn.kaifeng.jointapproval.project;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a reached node into the ledger: its {@code project_node} row, the project's furthest node
 * and, unless the step that reached it writes its own line (登记, 具备开工条件, 开工), a line of
 * history. Callers have checked the node (see {@link NodeRecording}) and hold the project's lock.
 */
@Service
public class ProjectNodes {

  /** The history event of a node recorded through the API. */
  public static final String EVENT = "NODE_RECORDED";

  private final ProjectRepository projects;
  private final ProjectNodeRepository nodes;
  private final ProjectLedger ledger;
  private final ApplicationEventPublisher events;

  public ProjectNodes(ProjectRepository projects, ProjectNodeRepository nodes,
      ProjectLedger ledger, ApplicationEventPublisher events) {
    this.projects = projects;
    this.nodes = nodes;
    this.ledger = ledger;
    this.events = events;
  }

  public List<ProjectNodeRepository.Reached> of(String projectCode) {
    return nodes.of(projectCode);
  }

  /** Records a node reached on {@code on} with the project's row and no line of history. */
  @Transactional
  public void reached(String projectCode, Node node, LocalDate on, String by, String detail) {
    nodes.insert(projectCode, node, on, by, ClockUtil.getCurrentTime().toInstant(), detail);
    projects.setNode(projectCode, node);
    events.publishEvent(new NodeReached(projectCode, node, on));
  }

  /** Records a node that a person reported, with a line of history naming them. */
  @Transactional
  public void recorded(String projectCode, Node node, LocalDate on, String by, String detail) {
    reached(projectCode, node, on, by, detail);
    ledger.record(projectCode, EVENT, null, by,
        "项目节点：" + node.displayName() + "，日期 " + on + (detail == null ? "" : "；" + detail));
  }
}
