package cn.kaifeng.jointapproval.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database of the benchmarks: an embedded PostgreSQL whose commits reach the disk (fsync and
 * synchronous_commit on, which the tests' embedded server turns off), or the external database
 * given by {@code -Dbench.jdbcUrl} (with {@code -Dbench.username}, {@code -Dbench.password}).
 */
public final class BenchPostgres implements AutoCloseable {

  private static final String DATABASE = "bench";

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

  /** Embedded PostgreSQL (zonky) with fsync=on and synchronous_commit=on, or the external one. */
  public static BenchPostgres start() throws IOException {
    String external = System.getProperty("bench.jdbcUrl", "");
    if (!external.isBlank()) {
      return new BenchPostgres(null, external, System.getProperty("bench.username", "postgres"),
          System.getProperty("bench.password", ""));
    }
    // Zonky starts with synchronous_commit off; a benchmark of commits must pay for them.
    var postgres = EmbeddedPostgres.builder()
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .start();
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create database " + DATABASE);
    } catch (SQLException e) {
      postgres.close();
      throw new IOException("Could not create the benchmark database", e);
    }
    return new BenchPostgres(postgres, postgres.getJdbcUrl("postgres", DATABASE), "postgres",
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

  /** A server setting as the database reports it (e.g. to print fsync in the report). */
  public String setting(String name) {
    try (var connection = DriverManager.getConnection(jdbcUrl, username, password);
        var statement = connection.prepareStatement("select current_setting(?)")) {
      statement.setString(1, name);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      return "?";
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
