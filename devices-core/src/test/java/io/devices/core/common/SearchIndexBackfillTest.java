package io.devices.core.common;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database with devices stored before the search indexes (schema version 3) is migrated to the
 * latest version: every tag index row gets its value lower-cased as Java does it, and every
 * attribute of every device gets its attribute index row. On H2, and on PostgreSQL with {@code
 * -Ppostgres}.
 */
class SearchIndexBackfillTest {
  private static final String APP = "a00000000000000000000001";
  private static final String OTHER_APP = "a00000000000000000000002";

  /**
   * More than two pages of the migration, and not a multiple of a page. Every device on a page's
   * edge has tags and attributes; some others have none.
   */
  private static final int DEVICES = 2 * V5__BackfillSearchIndexes.PAGE + 203;

  private static final String[] VALUES = {
    "ÄPFEL", "Straße", "ΣΑΣ", "İstanbul", "日本", "\uD83D\uDE80 ROCKET", "MiXeD 8", "plain"
  };
  private static final String[][] ATTRIBUTES = {
    {"temp", "number"}, {"Status", "string"}, {"where", "gps"}, {"on", "boolean"}
  };

  private static final String TAG_ROWS =
      "SELECT device_id, position, application_id, tag_key, tag_value, tag_value_lc"
          + " FROM device_tag";
  private static final String ATTRIBUTE_ROWS =
      "SELECT device_id, position, application_id, attr_name, data_type FROM device_attribute";

  static List<TestDatabase> databases() {
    return TestDatabases.availableAt("3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theTagAndAttributeIndexesAreFilledForTheStoredDevices(TestDatabase database)
      throws SQLException {
    try (database;
        Connection db = database.connect()) {
      List<String> tagRows = new ArrayList<>();
      List<String> attributeRows = new ArrayList<>();
      storeFleet(db, tagRows, attributeRows);

      database.migrate();

      assertAll(
          () -> assertEquals(Set.copyOf(tagRows), rows(db, TAG_ROWS, 6)),
          () -> assertEquals(Set.copyOf(attributeRows), rows(db, ATTRIBUTE_ROWS, 5)),
          () ->
              assertEquals(
                  Set.of("äpfel", "σας", "i\u0307stanbul", "\uD83D\uDE80 rocket"),
                  rows(
                      db,
                      "SELECT DISTINCT tag_value_lc FROM device_tag WHERE tag_value IN"
                          + " ('ÄPFEL', 'ΣΑΣ', 'İstanbul', '\uD83D\uDE80 ROCKET')",
                      1)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void afterTheMigrationATagIndexRowNeedsItsLowerCasedValue(TestDatabase database)
      throws SQLException {
    try (database;
        Connection db = database.connect();
        Statement sql = db.createStatement()) {
      database.migrate();
      insertDevice(db, id(1), APP, "[]");
      assertThrows(
          SQLException.class,
          () ->
              sql.executeUpdate(
                  "INSERT INTO device_tag (device_id, position, application_id, tag_key,"
                      + " tag_value) VALUES ('"
                      + id(1)
                      + "', 0, '"
                      + APP
                      + "', 'k', 'v')"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theQueryIndexesAndTheExportQueryColumnExist(TestDatabase database) throws SQLException {
    try (database;
        Connection db = database.connect()) {
      database.migrate();
      Set<String> indexes = new HashSet<>();
      for (String table : List.of("device", "device_attribute")) {
        try (ResultSet info =
            db.getMetaData().getIndexInfo(null, null, casing(db, table), false, false)) {
          while (info.next()) {
            indexes.add(String.valueOf(info.getString("INDEX_NAME")).toLowerCase(Locale.ROOT));
          }
        }
      }
      assertTrue(
          indexes.containsAll(
              Set.of(
                  "ix_device_app_updated",
                  "ix_device_app_name_exact",
                  "ix_device_app_class",
                  "ix_device_attribute_name",
                  "ix_device_attribute_type")),
          indexes::toString);
      try (ResultSet column =
          db.getMetaData()
              .getColumns(null, null, casing(db, "export_job"), casing(db, "device_query"))) {
        assertTrue(column.next(), "export_job.device_query");
        assertEquals("YES", column.getString("IS_NULLABLE"));
      }
    }
  }

  /**
   * Devices of two applications, as the server stored them at version 3: the documents on the
   * device row, the tag index without the lower-cased value. Collects the rows the indexes must
   * then hold.
   */
  private static void storeFleet(Connection db, List<String> tagRows, List<String> attributeRows)
      throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement tag =
        db.prepareStatement(
            "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (int n = 0; n < DEVICES; n++) {
        String app = n % 5 == 4 ? OTHER_APP : APP;
        StringBuilder tags = new StringBuilder("[");
        for (int p = 0; p < (n % 10 == 5 ? 0 : 1 + n % 3); p++) {
          String value = VALUES[(n + p) % VALUES.length];
          tags.append(p == 0 ? "" : ",").append(tagJson("k" + p, value));
          tag.setString(1, id(n));
          tag.setInt(2, p);
          tag.setString(3, app);
          tag.setString(4, "k" + p);
          tag.setString(5, value);
          tag.addBatch();
          tagRows.add(row(id(n), p, app, "k" + p, value, value.toLowerCase(Locale.ROOT)));
        }
        StringBuilder attributes = new StringBuilder("[");
        for (int p = 0; p < (n % 10 == 7 ? 0 : 1 + n % 3); p++) {
          String[] attribute = ATTRIBUTES[(n + p) % ATTRIBUTES.length];
          attributes
              .append(p == 0 ? "" : ",")
              .append("{\"name\":\"" + attribute[0] + "\",\"dataType\":\"" + attribute[1] + "\"}");
          attributeRows.add(row(id(n), p, app, attribute[0], attribute[1]));
        }
        insertDevice(db, id(n), app, attributes.append("]").toString(), tags + "]");
      }
      // After the devices: the tag index references them.
      tag.executeBatch();
    }
    db.commit();
    db.setAutoCommit(true);
  }

  private static String tagJson(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}";
  }

  private static void insertDevice(Connection db, String id, String app, String attributes)
      throws SQLException {
    insertDevice(db, id, app, attributes, "[]");
  }

  private static void insertDevice(
      Connection db, String id, String app, String attributes, String tags) throws SQLException {
    ensureApplication(db, app);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO device (id, application_id, name, name_lc, description, device_class,"
                + " tags, attributes, created_at, updated_at)"
                + " VALUES (?, ?, 'd', 'd', '', 'standalone', ?, ?, 0, 0)")) {
      insert.setString(1, id);
      insert.setString(2, app);
      insert.setString(3, tags);
      insert.setString(4, attributes);
      insert.executeUpdate();
    }
  }

  private static void ensureApplication(Connection db, String app) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO application (id, name, description, created_at, updated_at)"
                + " SELECT ?, 'app', '', 0, 0 WHERE NOT EXISTS"
                + " (SELECT 1 FROM application WHERE id = ?)")) {
      insert.setString(1, app);
      insert.setString(2, app);
      insert.executeUpdate();
    }
  }

  private static Set<String> rows(Connection db, String sql, int columns) throws SQLException {
    Set<String> rows = new HashSet<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        Object[] values = new Object[columns];
        for (int c = 0; c < columns; c++) {
          values[c] = result.getObject(c + 1);
        }
        rows.add(row(values));
      }
    }
    return rows;
  }

  private static String row(Object... values) {
    return String.join("|", Arrays.stream(values).map(String::valueOf).toList());
  }

  /** H2 keeps unquoted names upper-case, PostgreSQL lower-case. */
  private static String casing(Connection db, String name) throws SQLException {
    return db.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
  }

  private static String id(int n) {
    return String.format("d%023d", n);
  }
}
