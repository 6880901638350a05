package cn.kaifeng.jointapproval.approval;

import cn.kaifeng.jointapproval.database.TransactionMemory;
import java.util.Optional;

/**
 * Which item a process instance works on, remembered for the rest of one transaction: a review
 * task's candidates and its escalation timer each ask when the task is created. Only the item's
 * identity and section are used from it, which never change once bound (a rebinding goes to a new
 * process instance); its status and dates are read fresh. Outside a transaction nothing is kept.
 */
final class BoundItems {

  private static final TransactionMemory<String, ProjectItem> MEMORY = new TransactionMemory<>();

  private BoundItems() {
  }

  static Optional<ProjectItem> of(String processInstanceId, ProjectItemRepository items) {
    return Optional.ofNullable(
        MEMORY.get(processInstanceId, id -> items.boundTo(id).orElse(null)));
  }
}
