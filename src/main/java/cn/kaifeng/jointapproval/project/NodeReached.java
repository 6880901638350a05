package cn.kaifeng.jointapproval.project;

import java.time.LocalDate;

/**
 * A project reached a node (written by {@link ProjectNodes}); published inside the transaction
 * that wrote it, so a listener's changes commit or roll back with the node.
 */
public record NodeReached(String projectCode, Node node, LocalDate on) {
}
