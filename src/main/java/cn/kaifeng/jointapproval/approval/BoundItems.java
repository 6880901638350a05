package cn.kaifeng.jointapproval.approval;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which item a process instance works on, remembered for the rest of one transaction: a review
 * task's candidates and its escalation timer each ask when the task is created. Only the item's
 * identity and section are used from it, which never change once bound (a rebinding goes to a new
 * process instance); its status and dates are read fresh. Outside a transaction nothing is kept.
 */
final class BoundItems {

  private static final Object KEY = new Object();

  private BoundItems() {
  }

  static Optional<ProjectItem> of(String processInstanceId, ProjectItemRepository items) {
    var remembered = remembered();
    if (remembered == null) {
      return items.boundTo(processInstanceId);
    }
    var item = remembered.get(processInstanceId);
    if (item == null) {
      var found = items.boundTo(processInstanceId);
      found.ifPresent(bound -> remembered.put(processInstanceId, bound));
      return found;
    }
    return Optional.of(item);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ProjectItem> remembered() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    var existing = TransactionSynchronizationManager.getResource(KEY);
    if (existing != null) {
      return (Map<String, ProjectItem>) existing;
    }
    var created = new HashMap<String, ProjectItem>();
    TransactionSynchronizationManager.bindResource(KEY, created);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
      }
    });
    return created;
  }
}
