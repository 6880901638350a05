package cn.kaifeng.jointapproval.support;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One embedded PostgreSQL server for all integration tests of the JVM, and a fresh, empty database
 * on it for every {@link Database} parameter a test asks for (usually in its {@code @BeforeAll}).
 * Starting the server takes seconds; creating a database takes milliseconds, and still leaves
 * every application context to run the Liquibase migration from an empty database.
 *
 * <p>The server starts with the first database asked for and lives in the root store, which
 * JUnit closes once every test class has run.
 */
public final class SharedPostgres implements ParameterResolver {

  private static final Logger log = LoggerFactory.getLogger(SharedPostgres.class);
  private static final Namespace NAMESPACE = Namespace.create(SharedPostgres.class);

  /** An empty database of the shared server, and how the application reaches it. */
  public record Database(String name, String jdbcUrl, DataSource dataSource) {

    /** The application's datasource arguments for this database, then {@code more}. */
    public String[] springArgs(String... more) {
      var args = new ArrayList<>(List.of(
          "--SPRING_DATASOURCE_URL=" + jdbcUrl,
          "--SPRING_DATASOURCE_USERNAME=" + Server.USER,
          "--SPRING_DATASOURCE_PASSWORD=" + Server.USER));
      args.addAll(List.of(more));
      return args.toArray(String[]::new);
    }

    /**
     * The application on this database as most integration tests start it: profile
     * {@code postgres}, a free port, no job executor (the tests run the jobs themselves).
     */
    public ConfigurableApplicationContext startApplication() {
      return new SpringApplicationBuilder(JointApprovalApplication.class).profiles("postgres")
          .run(springArgs("--server.port=0", "--camunda.bpm.job-execution.enabled=false"));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Database.class;
  }

  @Override
  public Database resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store: one server for every class, closed after the last one.
    var server = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Server.class, key -> new Server(), Server.class);
    return server.newDatabase(context.getRequiredTestClass().getSimpleName());
  }

  /** The running server; JUnit stops it when the root store closes. */
  private static final class Server implements ExtensionContext.Store.CloseableResource {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    Server() {
      try {
        // Zonky's defaults (no synchronous commit, 300 connections) are fast enough for tests;
        // its own shutdown hook stays as a fallback should JUnit never close the root store.
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Database newDatabase(String testClass) {
      // Named after the class so that a failing test's database is easy to spot in the logs.
      // PostgreSQL cuts identifiers at 63 bytes, hence the short prefix.
      String prefix = testClass.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      String name = "it_" + prefix.substring(0, Math.min(prefix.length(), 40)) + "_"
          + databases.incrementAndGet();
      try (var admin = postgres.getPostgresDatabase().getConnection();
          var statement = admin.createStatement()) {
        statement.execute("create database " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not create database " + name, e);
      }
      log.info("Database {} created for {}", name, testClass);
      return new Database(name, postgres.getJdbcUrl(USER, name), postgres.getDatabase(USER, name));
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }
}
