package cn.kaifeng.jointapproval.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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
  /** Statements sent by Tomcat's request threads (an HTTP request's own transaction). */
  public static final AtomicLong REQUEST_STATEMENTS = new AtomicLong();
  /** Statements counted by kind ("insert act_hi_detail", "select act_ru_task"...). */
  public static final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> KINDS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final ThreadLocal<Boolean> IGNORED = ThreadLocal.withInitial(() -> false);
  private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
      "^\\s*(?:(insert)\\s+into|(update)|(delete)\\s+from|(select)\\b.*?\\bfrom)\\s+"
          + "\\(?\\s*([a-z_0-9.]+)", java.util.regex.Pattern.DOTALL);

  /**
   * Only while on are new connections wrapped: the regular expression and the reflective proxies
   * cost about a tenth of the application's CPU in a profile, more for whichever side sends more
   * statements, so the timed parts of a benchmark run without them.
   */
  private static volatile boolean counting;

  private SqlCounter() {}

  /** Counts the statements of connections taken from now on ({@code false}: none). */
  public static void counting(boolean on) {
    counting = on;
  }

  public static void reset() {
    STATEMENTS.set(0);
    COMMITS.set(0);
    REQUEST_STATEMENTS.set(0);
    KINDS.clear();
  }

  /** The most frequent kinds of statement since the last reset, most frequent first. */
  public static List<Map.Entry<String, Long>> topKinds(int limit) {
    return KINDS.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().get()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit).toList();
  }

  private static void count(String sql) {
    STATEMENTS.incrementAndGet();
    if (CpuMeter.isRequestThread(Thread.currentThread().getName())) {
      REQUEST_STATEMENTS.incrementAndGet();
    }
    String kind = "other";
    if (sql != null) {
      var matcher = TABLE.matcher(sql.toLowerCase(java.util.Locale.ROOT));
      if (matcher.find()) {
        String verb = matcher.group(1) != null ? "insert" : matcher.group(2) != null ? "update"
            : matcher.group(3) != null ? "delete" : "select";
        kind = verb + " " + matcher.group(5);
      }
    }
    KINDS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
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
        new Handler(target, null));
  }

  @SuppressWarnings("unchecked")
  private static <T> T wrap(Object target, Class<T> type, String sql) {
    return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type},
        new Handler(target, sql));
  }

  private static final class Handler implements InvocationHandler {

    private final Object target;
    private final String sql;

    Handler(Object target, String sql) {
      this.target = target;
      this.sql = sql;
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
          count(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : null);
          if (statement.getConnection().getAutoCommit()) {
            COMMITS.incrementAndGet();
          }
        } else if (name.equals("addBatch")) {
          count(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : null);
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
        return counting ? wrap(connection, Connection.class) : connection;
      }
      String text = args != null && args.length > 0 && args[0] instanceof String t ? t : null;
      if (result instanceof CallableStatement s) {
        return wrap(s, CallableStatement.class, text);
      }
      if (result instanceof PreparedStatement s) {
        return wrap(s, PreparedStatement.class, text);
      }
      if (result instanceof Statement s && name.equals("createStatement")) {
        return wrap(s, Statement.class);
      }
      return result;
    }
  }
}
