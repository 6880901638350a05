package cn.kaifeng.jointapproval.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by an unreachable database (PostgreSQL stopped or restarting, the pool
 * timing out for a connection) from every other one: such a request changed nothing (its
 * transaction never began or was rolled back) and may simply be tried again, so it answers 503.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {
  }

  public static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      // The request failed (often for the outage) and its rollback failed too, because the
      // connection is gone: with it the server dropped the transaction, so nothing changed.
      if (t instanceof TransactionSystemException tx && (causes(tx.getApplicationException())
          || tx.getCause() instanceof SQLException && String.valueOf(tx.getMessage())
              .contains("rollback"))) {
        return true;
      }
      // SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down, cannot connect now).
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
