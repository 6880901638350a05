package cn.kaifeng.jointapproval.lifecycle;

import cn.kaifeng.jointapproval.project.Node;
import cn.kaifeng.jointapproval.project.AlertKind;

import java.time.LocalDate;

/** A row of project_alert: open while {@code clearedOn} is null. */
public record ProjectAlert(long id, String projectCode, AlertKind kind, Node node,
    LocalDate raisedOn, LocalDate clearedOn, String detail) {

  /** The alert as the project page and the weekly report show it. */
  public record View(String kind, String name, String node, String nodeName, LocalDate raisedOn,
      String detail) {}

  public View view() {
    return new View(kind.name(), kind.displayName(), node == null ? null : node.name(),
        node == null ? null : node.displayName(), raisedOn, detail);
  }

  boolean sameFinding(AlertKind otherKind, Node otherNode) {
    return kind == otherKind && node == otherNode;
  }
}
