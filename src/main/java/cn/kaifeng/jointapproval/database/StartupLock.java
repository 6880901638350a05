package cn.kaifeng.jointapproval.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes start-up work across nodes: {@link #run} holds the row lock of {@code startup_lock}
 * (changeset 016) for one transaction, which the engine's own calls inside join. A node starting at
 * the same moment waits for the lock and then sees what the first one committed, so check-then-create
 * code stays simple and still creates a row once. Works the same on PostgreSQL and H2.
 */
@Component
public class StartupLock {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  public StartupLock(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Runs {@code work} in one transaction that holds the lock named {@code name}. */
  public void run(String name, Runnable work) {
    transaction.executeWithoutResult(status -> {
      int locked = jdbc.sql("select name from startup_lock where name = :name for update")
          .param("name", name).query(String.class).list().size();
      if (locked != 1) {
        throw new IllegalStateException("No start-up lock " + name + " (changeset 016)");
      }
      work.run();
    });
  }
}
