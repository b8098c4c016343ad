package io.devices.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a large fleet straight into the (stopped) server's H2 database, set-based: a million
 * devices through the API would take many minutes and measure something else. Each device has 3
 * tags and 2 attributes, in the stored JSON form and in the tag and attribute indexes (device_tag,
 * device_attribute) like the server writes them.
 */
final class FleetSeeder {
  private static final int BATCH = 100_000;

  private FleetSeeder() {}

  static void seed(String jdbcUrl, String applicationId, int devices) throws SQLException {
    seed(jdbcUrl, "devices", applicationId, devices);
  }

  /** On H2 ({@code SYSTEM_RANGE}) or PostgreSQL ({@code generate_series}), by the URL. */
  static void seed(String jdbcUrl, String user, String applicationId, int devices)
      throws SQLException {
    boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
    String id =
        postgres ? "'b0' || LPAD(X::text, 22, '0')" : "'b0' || LPAD(CAST(X AS VARCHAR), 22, '0')";
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
      db.setAutoCommit(false);
      for (int from = 1; from <= devices; from += BATCH) {
        int to = Math.min(devices, from + BATCH - 1);
        String range =
            postgres
                ? " FROM generate_series(" + from + ", " + to + ") AS g(X)"
                : " FROM SYSTEM_RANGE(" + from + ", " + to + ")";
        try (Statement sql = db.createStatement()) {
          sql.executeUpdate(
              "INSERT INTO device (id, application_id, name, name_lc, description, device_class,"
                  + " gateway_id, tags, attributes, connected, connection_time, created_at,"
                  + " updated_at) SELECT "
                  + id
                  + ", '"
                  + applicationId
                  + "', 'Sensor ' || X, 'sensor ' || X, 'Benchmark device number ' || X,"
                  + " 'standalone', NULL,"
                  + " '[{\"key\":\"floor\",\"value\":\"' || MOD(X, 40) || '\"},"
                  + "{\"key\":\"zone\",\"value\":\"z' || MOD(X, 7) || '\"},"
                  + "{\"key\":\"model\",\"value\":\"m-' || MOD(X, 3) || '\"}]',"
                  + " '[{\"name\":\"temperature\",\"dataType\":\"number\"},"
                  + "{\"name\":\"status\",\"dataType\":\"string\"}]',"
                  + " NULL, NULL, 1700000000000 + X, 1700000000000 + X"
                  + range);
          String[][] tags = {
            {"0", "floor", postgres ? "MOD(X, 40)::text" : "CAST(MOD(X, 40) AS VARCHAR)"},
            {"1", "zone", "'z' || MOD(X, 7)"},
            {"2", "model", "'m-' || MOD(X, 3)"}
          };
          // The values are lower-case ASCII: the lower-cased value is the value itself.
          for (String[] tag : tags) {
            sql.executeUpdate(
                "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value,"
                    + " tag_value_lc) SELECT "
                    + id
                    + ", "
                    + tag[0]
                    + ", '"
                    + applicationId
                    + "', '"
                    + tag[1]
                    + "', "
                    + tag[2]
                    + ", "
                    + tag[2]
                    + range);
          }
          String[][] attributes = {{"0", "temperature", "number"}, {"1", "status", "string"}};
          for (String[] attribute : attributes) {
            sql.executeUpdate(
                "INSERT INTO device_attribute (device_id, position, application_id, attr_name,"
                    + " data_type) SELECT "
                    + id
                    + ", "
                    + attribute[0]
                    + ", '"
                    + applicationId
                    + "', '"
                    + attribute[1]
                    + "', '"
                    + attribute[2]
                    + "'"
                    + range);
          }
        }
        db.commit();
      }
      try (PreparedStatement count =
          db.prepareStatement("UPDATE application SET device_count = ? WHERE id = ?")) {
        count.setLong(1, devices);
        count.setString(2, applicationId);
        count.executeUpdate();
      }
      db.commit();
    }
  }
}
