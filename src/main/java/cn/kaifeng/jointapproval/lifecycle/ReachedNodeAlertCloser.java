package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.NodeReached;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Clears a project's open alerts about a node the moment the node is reached (recorded through the
 * API or by the process), in the same transaction, instead of waiting for the next morning's run:
 * the list's {@code alert} filter and the mails read {@code project_alert}, and must not show a
 * start that is already recorded as late.
 */
@Component
public class ReachedNodeAlertCloser {

  private final AlertRepository repository;
  private final NodeFacts nodeFacts;
  private final Alerts alerts;

  public ReachedNodeAlertCloser(AlertRepository repository, NodeFacts nodeFacts, Alerts alerts) {
    this.repository = repository;
    this.nodeFacts = nodeFacts;
    this.alerts = alerts;
  }

  @EventListener
  public void on(NodeReached event) {
    var reached = nodeFacts.of(event.projectCode());
    for (var alert : repository.openOf(event.projectCode())) {
      if (alert.node() != null && reached.reached(alert.node())) {
        var on = reached.dateOf(alert.node());
        alerts.clear(alert, "项目已" + (on == null ? "" : "于 " + on) + "到达"
            + alert.node().displayName() + "节点");
      }
    }
  }
}
