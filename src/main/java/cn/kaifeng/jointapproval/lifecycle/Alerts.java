package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.notify.Notifier;
import cn.kaifeng.jointapproval.notify.NotifyProperties;
import cn.kaifeng.jointapproval.project.Project;
import cn.kaifeng.jointapproval.project.ProjectLedger;
import cn.kaifeng.jointapproval.project.ProjectRepository;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and clears a project's alerts. A finding becomes one open alert (a second identical
 * finding while it is open changes nothing), a line in the project's history and one mail to the
 * project's chief service officer and contracting leader (template {@code node-alert}); clearing
 * writes the history line only.
 */
@Service
public class Alerts {

  static final String CLEARED = "ALERT_CLEARED";

  private final AlertRepository alerts;
  private final ProjectRepository projects;
  private final NodeFacts nodeFacts;
  private final ProjectLedger ledger;
  private final Responsibles responsibles;
  private final Notifier notifier;
  private final NotifyProperties mail;

  public Alerts(AlertRepository alerts, ProjectRepository projects, NodeFacts nodeFacts,
      ProjectLedger ledger, Responsibles responsibles, Notifier notifier, NotifyProperties mail) {
    this.alerts = alerts;
    this.projects = projects;
    this.nodeFacts = nodeFacts;
    this.ledger = ledger;
    this.responsibles = responsibles;
    this.notifier = notifier;
    this.mail = mail;
  }

  /** Raises the finding unless the same one is open already; true when it was raised now. */
  @Transactional
  public boolean raise(Project project, Findings.Finding finding) {
    projects.lock(project.code()); // the daily run and the readiness timer may meet here
    if (alerts.openOf(project.code()).stream()
        .anyMatch(a -> a.sameFinding(finding.kind(), finding.node()))) {
      return false;
    }
    var today = ChinaTime.today();
    alerts.insert(project.code(), finding.kind(), finding.node(), today, finding.detail());
    ledger.record(project.code(), finding.kind().name(), null, null, finding.detail());
    var to = responsibles.officerAndLeader(project);
    var model = new HashMap<String, Object>();
    model.put("projectName", project.name());
    model.put("projectCode", project.code());
    model.put("countyName", project.county().displayName());
    model.put("alertName", finding.kind().displayName());
    model.put("nodeName", finding.node() == null ? "" : finding.node().displayName());
    model.put("detail", finding.detail());
    model.put("raisedOn", today);
    model.put("taskUrl", mail.tasklistUrl());
    notifier.to("node-alert", to.groups(), to.users(), model);
    return true;
  }

  /** Clears an open alert whose finding no longer holds, saying why in the history. */
  @Transactional
  public void clear(ProjectAlert alert, String why) {
    alerts.clear(alert.id(), ChinaTime.today());
    ledger.record(alert.projectCode(), CLEARED, null, null,
        alert.kind().displayName() + "预警解除：" + why);
  }

  /**
   * The project's open alerts as people read them. An alert about a node that has meanwhile been
   * reached is settled: it is not shown even before the daily run writes its clearing down.
   */
  public List<ProjectAlert.View> open(String projectCode) {
    return open(projectCode, nodeFacts.of(projectCode));
  }

  /** The same, for a caller that has already read the nodes the project reached. */
  public List<ProjectAlert.View> open(String projectCode, ReachedNodes reached) {
    return alerts.openOf(projectCode).stream()
        .filter(a -> a.node() == null || !reached.reached(a.node()))
        .map(ProjectAlert::view).toList();
  }
}
