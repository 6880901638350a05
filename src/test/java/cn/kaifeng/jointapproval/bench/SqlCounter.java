package cn.kaifeng.jointapproval.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements and the commits the application sends, by wrapping its DataSource:
 * every statement executed or added to a batch, every commit, and every statement run in
 * auto-commit (its own transaction). Statements of a thread marked {@link #ignoringThisThread}
 * (the benchmark's own waiting) are not counted.
 */
public final class SqlCounter {

  public static final AtomicLong STATEMENTS = new AtomicLong();
  public static final AtomicLong COMMITS = new AtomicLong();
  private static final ThreadLocal<Boolean> IGNORED = ThreadLocal.withInitial(() -> false);

  private SqlCounter() {}

  public static void reset() {
    STATEMENTS.set(0);
    COMMITS.set(0);
  }

  /** Runs {@code work} on this thread without counting its statements. */
  public static <T> T ignoringThisThread(java.util.function.Supplier<T> work) {
    IGNORED.set(true);
    try {
      return work.get();
    } finally {
      IGNORED.set(false);
    }
  }

  /** Wraps the application's DataSource bean. */
  public static BeanPostProcessor postProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
          return wrap(dataSource, DataSource.class);
        }
        return bean;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrap(Object target, Class<T> type) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type},
        new Handler(target));
  }

  private static final class Handler implements InvocationHandler {

    private final Object target;

    Handler(Object target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(proxy)) {
        return proxy;
      }
      boolean counted = !IGNORED.get();
      if (counted && target instanceof Statement statement) {
        if (name.startsWith("execute") && !name.equals("executeBatch")) {
          STATEMENTS.incrementAndGet();
          if (statement.getConnection().getAutoCommit()) {
            COMMITS.incrementAndGet();
          }
        } else if (name.equals("addBatch")) {
          STATEMENTS.incrementAndGet();
        } else if (name.equals("executeBatch") && statement.getConnection().getAutoCommit()) {
          COMMITS.incrementAndGet();
        }
      }
      if (counted && target instanceof Connection && name.equals("commit")) {
        COMMITS.incrementAndGet();
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection connection && name.equals("getConnection")) {
        return wrap(connection, Connection.class);
      }
      if (result instanceof CallableStatement s) {
        return wrap(s, CallableStatement.class);
      }
      if (result instanceof PreparedStatement s) {
        return wrap(s, PreparedStatement.class);
      }
      if (result instanceof Statement s && name.equals("createStatement")) {
        return wrap(s, Statement.class);
      }
      return result;
    }
  }
}
