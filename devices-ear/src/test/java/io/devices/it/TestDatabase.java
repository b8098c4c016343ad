package io.devices.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The databases of the integration tests. By default ({@code it.db=h2}) every Liberty server uses
 * its embedded H2 file, and this class does nothing. With {@code it.db=postgres} (the {@code
 * postgres} Maven profile) the Arquillian server uses the PostgreSQL database {@code
 * it.pg.database}, and every server a test starts gets a fresh database of its own, named after it:
 * {@code <it.pg.database>_<server name>}. All of them are dropped when the test run ends.
 */
public final class TestDatabase {
  private TestDatabase() {}

  public static boolean isPostgres() {
    return "postgres".equals(System.getProperty("it.db", "h2"));
  }

  /** The environment that points a server at its database; empty for the embedded default. */
  public static Map<String, String> environmentFor(String serverName) {
    if (!isPostgres()) {
      return Map.of();
    }
    return Map.of(
        "DEVICES_DB_URL", url(nameFor(serverName)),
        "DEVICES_DB_USER", user(),
        "DEVICES_DB_PASSWORD", System.getProperty("it.pg.password", ""));
  }

  /**
   * A fresh PostgreSQL database named after {@code key}, for several servers to share.
   *
   * @return the environment that points a server at it
   */
  public static Map<String, String> sharedDatabase(String key) {
    if (!isPostgres()) {
      throw new IllegalStateException("several servers share a database only on PostgreSQL");
    }
    recreate(nameFor(key));
    return environmentFor(key);
  }

  /** Drops and creates the database of {@code serverName} (PostgreSQL only). */
  public static void recreateFor(String serverName) {
    if (isPostgres()) {
      recreate(nameFor(serverName));
    }
  }

  /** The JDBC URL of the database a server named {@code serverName} uses. */
  public static String jdbcUrlFor(String serverName, java.nio.file.Path serverDirectory) {
    return isPostgres()
        ? url(nameFor(serverName))
        : "jdbc:h2:" + serverDirectory.resolve("data/devices").toAbsolutePath();
  }

  public static String user() {
    return isPostgres() ? System.getProperty("it.pg.user", "postgres") : "devices";
  }

  public static String password() {
    return isPostgres() ? System.getProperty("it.pg.password", "") : "";
  }

  static String mainDatabase() {
    return required("it.pg.database");
  }

  static String nameFor(String serverName) {
    return mainDatabase() + "_" + serverName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }

  /**
   * A fresh database. Collation "C" sorts names by code point, as H2 and the tests' expectations
   * do.
   */
  static void recreate(String database) {
    requireSafeName(database);
    try (Connection admin = admin();
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      sql.execute(
          "CREATE DATABASE "
              + database
              + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the PostgreSQL database " + database, e);
    }
  }

  /** Drops the main database and every server's database. */
  static void dropAll() {
    String main = mainDatabase();
    requireSafeName(main);
    try (Connection admin = admin();
        Statement sql = admin.createStatement()) {
      List<String> databases = new ArrayList<>();
      try (ResultSet rows =
          sql.executeQuery(
              "SELECT datname FROM pg_database WHERE datname = '"
                  + main
                  + "' OR datname LIKE '"
                  + main
                  + "\\_%'")) {
        while (rows.next()) {
          databases.add(rows.getString(1));
        }
      }
      for (String database : databases) {
        sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the test databases " + main + "*", e);
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(url("postgres"), user(), password());
  }

  private static String url(String database) {
    return System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/") + database;
  }

  private static void requireSafeName(String database) {
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a safe database name: " + database);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    return value;
  }
}
