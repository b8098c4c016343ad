package io.devices.benchmark;

import io.devices.core.common.SchemaMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Copies one application with its devices and their tag and attribute index rows from the
 * benchmark's H2 database into a fresh PostgreSQL database migrated by the server's own Flyway
 * configuration, then runs {@code ANALYZE}: the same fleet, row for row, for the query plans on
 * PostgreSQL.
 */
final class FleetCopy {
  private static final String[] TABLES = {
    "application", "device", "device_tag", "device_attribute"
  };
  private static final int BATCH = 5_000;

  private FleetCopy() {}

  /** Migrates {@code target} (a PostgreSQL database), then copies the application into it. */
  static void copy(Connection source, BenchDatabase target, String applicationId)
      throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(target.url() + "?reWriteBatchedInserts=true");
    dataSource.setUser(target.user());
    SchemaMigration.configure(dataSource).load().migrate();
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      for (String table : TABLES) {
        copyTable(source, db, table, applicationId);
      }
      db.commit();
      db.setAutoCommit(true);
      try (Statement analyze = db.createStatement()) {
        analyze.execute("ANALYZE");
      }
    }
  }

  private static void copyTable(Connection source, Connection target, String table, String app)
      throws SQLException {
    String key = table.equals("application") ? "id" : "application_id";
    try (PreparedStatement select =
        source.prepareStatement("SELECT * FROM " + table + " WHERE " + key + " = ?")) {
      select.setString(1, app);
      try (ResultSet rows = select.executeQuery()) {
        ResultSetMetaData columns = rows.getMetaData();
        int count = columns.getColumnCount();
        StringBuilder names = new StringBuilder();
        for (int c = 1; c <= count; c++) {
          names.append(c == 1 ? "" : ", ").append(columns.getColumnName(c).toLowerCase());
        }
        String insert =
            "INSERT INTO "
                + table
                + " ("
                + names
                + ") VALUES ("
                + String.join(", ", Collections.nCopies(count, "?"))
                + ")";
        try (PreparedStatement write = target.prepareStatement(insert)) {
          int pending = 0;
          while (rows.next()) {
            for (int c = 1; c <= count; c++) {
              Object value = rows.getObject(c);
              if (value == null) {
                write.setNull(c, columns.getColumnType(c));
              } else {
                write.setObject(c, value);
              }
            }
            write.addBatch();
            if (++pending == BATCH) {
              write.executeBatch();
              pending = 0;
            }
          }
          write.executeBatch();
        }
      }
    }
  }
}
