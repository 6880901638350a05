package cn.kaifeng.jointapproval.deadline;

import cn.kaifeng.jointapproval.database.TransactionMemory;
import java.util.function.Function;

/**
 * The clocks that process instances own, remembered for the rest of one transaction: a task's due
 * and follow-up dates and its three timers each ask for the same clock when the task is created,
 * five reads of one row. Any write to a clock in the transaction forgets them all, so a clock is
 * never read older than what this transaction wrote; outside a transaction nothing is remembered.
 */
final class OwnedClocks {

  private static final TransactionMemory<String, Deadline> MEMORY = new TransactionMemory<>();

  private OwnedClocks() {
  }

  static Deadline get(String processInstanceId, Function<String, Deadline> load) {
    return MEMORY.get(processInstanceId, load);
  }

  /** After a write: the next read goes to the table again. */
  static void forget() {
    MEMORY.forget();
  }
}
