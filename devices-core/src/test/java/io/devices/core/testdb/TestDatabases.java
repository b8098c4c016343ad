package io.devices.core.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the core's tests run on: an in-memory H2 database always, and a PostgreSQL one when
 * the system property {@code core.pg.url} names a server ({@code jdbc:postgresql://host:port/}, as
 * the {@code postgres} Maven profile sets it; user {@code core.pg.user}, password {@code
 * core.pg.password}). Each call makes fresh databases; a PostgreSQL one is created with collation
 * and ctype {@code C}, as the integration tests' are, so names sort as on H2. Independent of any
 * test framework.
 */
public final class TestDatabases {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TestDatabases() {}

  /** Fresh databases with every migration applied. */
  public static List<TestDatabase> available() {
    return all(TestDatabase::migrate);
  }

  /** Fresh databases migrated up to and including {@code version}. */
  public static List<TestDatabase> availableAt(String version) {
    return all(database -> database.migrateTo(version));
  }

  /** A fresh, empty in-memory H2 database. */
  public static TestDatabase h2() {
    String url = "jdbc:h2:mem:core_" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    return new TestDatabase("h2", dataSource, () -> execute(dataSource::getConnection, "SHUTDOWN"));
  }

  /** A fresh, empty PostgreSQL database, when {@code core.pg.url} is set. */
  public static Optional<TestDatabase> postgres() {
    String server = System.getProperty("core.pg.url", "");
    if (server.isBlank()) {
      return Optional.empty();
    }
    String user = System.getProperty("core.pg.user", "postgres");
    String password = System.getProperty("core.pg.password", "");
    // Unique across the JVMs that may share the server (several builds at once).
    String database =
        "devices_core_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    Connector admin = () -> DriverManager.getConnection(server + "postgres", user, password);
    execute(
        admin,
        "CREATE DATABASE "
            + database
            + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(server + database);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return Optional.of(
        new TestDatabase(
            "postgres",
            dataSource,
            () -> execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")));
  }

  /** Drops the databases already made when one cannot be made or prepared. */
  private static List<TestDatabase> all(UnaryOperator<TestDatabase> prepare) {
    List<TestDatabase> databases = new ArrayList<>();
    boolean prepared = false;
    try {
      databases.add(h2());
      postgres().ifPresent(databases::add);
      List<TestDatabase> ready = databases.stream().map(prepare).toList();
      prepared = true;
      return ready;
    } finally {
      if (!prepared) {
        databases.forEach(TestDatabase::close);
      }
    }
  }

  private interface Connector {
    Connection open() throws SQLException;
  }

  private static void execute(Connector connector, String sql) {
    try (Connection db = connector.open();
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }
}
