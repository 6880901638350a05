package cn.kaifeng.jointapproval.database;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from the database, remembered for the rest of the current Spring transaction and
 * dropped when it ends: one engine command often asks for the same row from several expressions.
 * Outside a transaction nothing is remembered, and a value the loader does not find (null) is
 * asked for again next time.
 */
public final class TransactionMemory<K, V> {

  private final Object key = new Object();

  public V get(K id, Function<K, V> load) {
    var remembered = remembered();
    return remembered == null ? load.apply(id) : remembered.computeIfAbsent(id, load);
  }

  /** After a write: the next read goes to the table again. */
  public void forget() {
    if (TransactionSynchronizationManager.getResource(key) instanceof Map<?, ?> remembered) {
      remembered.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private Map<K, V> remembered() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    var existing = TransactionSynchronizationManager.getResource(key);
    if (existing != null) {
      return (Map<K, V>) existing;
    }
    var created = new HashMap<K, V>();
    TransactionSynchronizationManager.bindResource(key, created);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
      }
    });
    return created;
  }
}
