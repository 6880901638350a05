package cn.kaifeng.jointapproval.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time run Liquibase on PostgreSQL. Liquibase's own lock lives in a table it
 * creates on its first run, so two nodes starting together on an empty database both create that
 * table and one fails ("duplicate key value violates unique constraint pg_type_typname_nsp_index").
 * A session-level advisory lock, held around the migration, makes the second node wait and then
 * find the schema done. Other databases (H2 for development and tests) run one node only.
 */
@Component
public class LiquibaseStartLock implements BeanPostProcessor, DisposableBean {

  /** Any fixed number; PostgreSQL advisory locks are keyed per database. */
  private static final long KEY = 2_022_016L;

  private static final Logger log = LoggerFactory.getLogger(LiquibaseStartLock.class);

  private final Map<String, Connection> held = new ConcurrentHashMap<>();

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
    if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
      try {
        Connection connection = liquibase.getDataSource().getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return bean;
        }
        long began = System.nanoTime();
        try (var statement = connection.createStatement()) {
          statement.execute("select pg_advisory_lock(" + KEY + ")");
        }
        held.put(name, connection);
        log.info("Liquibase start lock taken after {} ms", (System.nanoTime() - began) / 1_000_000);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot take the Liquibase start lock", e);
      }
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
    release(name);
    return bean;
  }

  @Override
  public void destroy() {
    held.keySet().forEach(this::release);
  }

  private void release(String name) {
    Connection connection = held.remove(name);
    if (connection == null) {
      return;
    }
    try (connection; var statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // Closing the session releases the lock as well.
      log.warn("Liquibase start lock: {}", e.toString());
    }
  }
}
