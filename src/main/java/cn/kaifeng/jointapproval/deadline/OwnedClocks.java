package cn.kaifeng.jointapproval.deadline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The clocks that process instances own, remembered for the rest of one transaction: a task's due
 * and follow-up dates and its three timers each ask for the same clock when the task is created,
 * five reads of one row. Any write to a clock in the transaction forgets them all, so a clock is
 * never read older than what this transaction wrote; outside a transaction nothing is remembered.
 */
final class OwnedClocks {

  private static final Object KEY = new Object();

  private OwnedClocks() {
  }

  static Deadline get(String processInstanceId, Function<String, Deadline> load) {
    var remembered = remembered();
    return remembered == null ? load.apply(processInstanceId)
        : remembered.computeIfAbsent(processInstanceId, load);
  }

  /** After a write: the next read goes to the table again. */
  static void forget() {
    if (TransactionSynchronizationManager.getResource(KEY) instanceof Map<?, ?> remembered) {
      remembered.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Deadline> remembered() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    var existing = TransactionSynchronizationManager.getResource(KEY);
    if (existing != null) {
      return (Map<String, Deadline>) existing;
    }
    var created = new HashMap<String, Deadline>();
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
