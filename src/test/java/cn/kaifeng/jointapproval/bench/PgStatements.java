package cn.kaifeng.jointapproval.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's time per statement (pg_stat_statements), gathered per system: the benchmark resets
 * the counters before a timed segment of one system and adds what they hold after it. Only with
 * {@code -Dbench.pgStatements=true}; otherwise every call does nothing.
 */
final class PgStatements {

  record Totals(String query, long calls, double millis) {}

  private final BenchPostgres database;
  private final boolean on;
  private final Map<String, Map<String, Totals>> bySystem = new LinkedHashMap<>();

  PgStatements(BenchPostgres database) {
    this.database = database;
    this.on = Boolean.getBoolean("bench.pgStatements");
    if (on) {
      run("create extension if not exists pg_stat_statements");
    }
  }

  void reset() {
    if (on) {
      run("select pg_stat_statements_reset()");
    }
  }

  /** Adds the counters since the last reset to {@code system}'s totals. */
  void collect(String system) {
    if (!on) {
      return;
    }
    var totals = bySystem.computeIfAbsent(system, key -> new LinkedHashMap<>());
    try (Connection connection = connect(); var rows = connection.createStatement().executeQuery(
        "select queryid::text, query, calls, total_exec_time from pg_stat_statements "
            + "where dbid = (select oid from pg_database where datname = current_database())")) {
      while (rows.next()) {
        totals.merge(rows.getString(1), new Totals(rows.getString(2), rows.getLong(3),
            rows.getDouble(4)), (a, b) -> new Totals(a.query(), a.calls() + b.calls(),
            a.millis() + b.millis()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A markdown table per system: the statements that took most of the server's time. */
  String report(int instances, int limit) {
    var out = new StringBuilder();
    bySystem.forEach((system, totals) -> {
      double all = totals.values().stream().mapToDouble(Totals::millis).sum();
      out.append("\nServer time per statement, ").append(system).append(" (")
          .append(String.format("%.1f ms per instance", all / instances)).append("):\n\n")
          .append("| ms per instance | share | calls per instance | statement |\n|---|---|---|---|\n");
      totals.values().stream().sorted((a, b) -> Double.compare(b.millis(), a.millis()))
          .limit(limit).forEach(t -> out.append(String.format("| %.2f | %.0f %% | %.1f | `%s` |%n",
              t.millis() / instances, 100 * t.millis() / all, t.calls() / (double) instances,
              t.query().replaceAll("\\s+", " ").replace("|", "\\|")
                  .substring(0, Math.min(140, t.query().replaceAll("\\s+", " ").length())))));
    });
    return out.toString();
  }

  private void run(String sql) {
    try (Connection connection = connect()) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.username(),
        database.password());
  }
}
