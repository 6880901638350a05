package cn.kaifeng.jointapproval.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL a benchmark measures against: an embedded one (zonky) that writes like a real
 * server (fsync and synchronous commit on, unlike the tests' fast setting), or the external
 * database given by {@code -Dbench.jdbcUrl} (with {@code -Dbench.username},
 * {@code -Dbench.password}).
 */
public final class BenchPostgres implements AutoCloseable {

  private final EmbeddedPostgres embedded;
  private final String jdbcUrl;
  private final String username;
  private final String password;

  private BenchPostgres(EmbeddedPostgres embedded, String jdbcUrl, String username,
      String password) {
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  /** Embedded PostgreSQL with fsync=on and synchronous_commit=on, or -Dbench.jdbcUrl. */
  public static BenchPostgres start() throws IOException {
    String external = System.getProperty("bench.jdbcUrl");
    if (external != null && !external.isBlank()) {
      return new BenchPostgres(null, external, System.getProperty("bench.username", "postgres"),
          System.getProperty("bench.password", ""));
    }
    var builder = EmbeddedPostgres.builder()
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("max_connections", "100");
    // -Dbench.explainMs=N: the server logs EXPLAIN (ANALYZE, BUFFERS) of every statement slower
    // than N ms (auto_explain) into target/bench/postgres-log/, to see where a figure's time goes.
    // Off by default: the instrumentation itself costs time.
    String explainMs = System.getProperty("bench.explainMs", "").trim();
    // -Dbench.pgStatements=true: pg_stat_statements, which JointApprovalBench reads per system
    // (PgStatements), to see which statements spend the server's time.
    boolean statements = Boolean.getBoolean("bench.pgStatements");
    var preload = new java.util.ArrayList<String>();
    if (!explainMs.isEmpty()) {
      preload.add("auto_explain");
    }
    if (statements) {
      preload.add("pg_stat_statements");
      builder.setServerConfig("pg_stat_statements.track", "all");
    }
    if (!preload.isEmpty()) {
      builder.setServerConfig("shared_preload_libraries", String.join(",", preload));
    }
    if (!explainMs.isEmpty()) {
      // The log collector does not create its directory: on a fresh build the server would not start.
      Path logs = Files.createDirectories(Path.of("target/bench/postgres-log").toAbsolutePath());
      builder.setServerConfig("auto_explain.log_min_duration", explainMs)
          .setServerConfig("auto_explain.log_analyze", "on")
          .setServerConfig("auto_explain.log_buffers", "on")
          .setServerConfig("auto_explain.log_nested_statements", "on")
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", logs.toString());
    }
    var postgres = builder.start();
    return new BenchPostgres(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres",
        "postgres");
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
