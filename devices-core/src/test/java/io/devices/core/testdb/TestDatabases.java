package io.devices.core.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** PROVISIONAL (lead): H2 in memory only; replaced by the schema helper's version. */
public final class TestDatabases {
  private TestDatabases() {}

  public static List<TestDatabase> available() {
    List<TestDatabase> databases = new ArrayList<>();
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").load().migrate();
    databases.add(
        new TestDatabase() {
          public String name() {
            return "h2";
          }

          public Connection connection() throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
          }

          public void close() {}
        });
    return databases;
  }
}
