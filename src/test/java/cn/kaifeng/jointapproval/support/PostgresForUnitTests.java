package cn.kaifeng.jointapproval.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the unit tests (profile {@code test}) on PostgreSQL instead of H2 when the environment
 * variable {@code TESTS_DATABASE} is {@code postgres} (the build's second Surefire execution).
 *
 * <p>Production runs on PostgreSQL, and H2 accepts what PostgreSQL refuses: a write in a
 * read-only transaction, for one, which hid a failing report read until the report endpoints ran
 * on PostgreSQL. Each Spring test context gets an empty database of its own on one embedded
 * server for the JVM, as each gets its own in-memory H2 database otherwise, so that no test sees
 * another context's models or rows. Only the tests' in-memory H2 URLs ({@code jdbc:h2:mem:test-},
 * the unit tests' and the browser tests') are replaced; the integration tests, which start the
 * application on a PostgreSQL database of their own, are left alone.
 */
public class PostgresForUnitTests implements EnvironmentPostProcessor {

  static final String SWITCH = "TESTS_DATABASE";
  private static final String USER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    String url = environment.getProperty("spring.datasource.url", "");
    if (!"postgres".equals(System.getenv(SWITCH)) || !url.startsWith("jdbc:h2:mem:test-")) {
      return;
    }
    String name = "unit_" + DATABASES.incrementAndGet();
    var postgres = server();
    try (var admin = postgres.getPostgresDatabase().getConnection();
        var statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    environment.getPropertySources().addFirst(new MapPropertySource("unitTestsOnPostgres",
        Map.of("spring.datasource.url", postgres.getJdbcUrl(USER, name),
            "spring.datasource.username", USER, "spring.datasource.password", USER)));
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // Lives as long as the test JVM; zonky's shutdown hook stops it.
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }
}
