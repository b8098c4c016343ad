package io.devices.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The floor of the bulk jobs: the same change of the same rows as set-based SQL over JDBC against
 * the server's own database, one transaction per {@value #CHUNK} devices by name (one transaction
 * over 100,000 devices takes H2 several times longer: its commit alone took 17 s). For {@code set
 * tag} the device rows' stored tags and their tag index rows; for delete the device rows, their tag
 * and attribute index rows (which carry the device's {@code deleted_at}) and the application's
 * device counter.
 */
final class BulkFloor {
  static final int CHUNK = 5_000;

  /** The one {@code floor} tag of a stored tag list (each device of the fleet has exactly one). */
  private static final String FLOOR_TAG = "\\{\"key\":\"floor\",\"value\":\"[^\"]*\"\\}";

  /** The chunk's devices: the fleet's names, from (inclusive) to (exclusive). */
  private static final String CHUNK_DEVICES =
      "SELECT id FROM device WHERE application_id = ? AND name_lc >= ? AND name_lc < ?";

  private final Connection connection;
  private final String applicationId;

  BulkFloor(Connection connection, String applicationId) {
    this.connection = connection;
    this.applicationId = applicationId;
  }

  /** Sets the floor tag of the live devices {@code 0..devices-1} to {@code value}; nanoseconds. */
  long setFloorTag(int devices, String value) throws SQLException {
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    int changed = 0;
    for (int from = 0; from < devices; from += CHUNK) {
      String[] range = range(from, devices);
      try (PreparedStatement rows =
              connection.prepareStatement(
                  "UPDATE device SET tags = REGEXP_REPLACE(tags, ?, ?), updated_at = ?,"
                      + " version = version + 1 WHERE application_id = ? AND name_lc >= ?"
                      + " AND name_lc < ? AND deleted_at IS NULL");
          PreparedStatement index =
              connection.prepareStatement(
                  "UPDATE device_tag SET tag_value = ?, tag_value_lc = ? WHERE tag_key = 'floor'"
                      + " AND device_id IN ("
                      + CHUNK_DEVICES
                      + ")")) {
        rows.setString(1, FLOOR_TAG);
        rows.setString(2, "{\"key\":\"floor\",\"value\":\"" + value + "\"}");
        rows.setLong(3, System.currentTimeMillis());
        rows.setString(4, applicationId);
        rows.setString(5, range[0]);
        rows.setString(6, range[1]);
        changed += rows.executeUpdate();
        index.setString(1, value);
        index.setString(2, value);
        index.setString(3, applicationId);
        index.setString(4, range[0]);
        index.setString(5, range[1]);
        index.executeUpdate();
      }
      connection.commit();
    }
    long nanos = System.nanoTime() - start;
    System.out.printf(
        Locale.ROOT,
        "  floor: set the floor tag of %,d devices in %d ms%n",
        changed,
        nanos / 1_000_000);
    return nanos;
  }

  /** Soft-deletes the live devices {@code from..to-1} and moves the counter, timed; nanoseconds. */
  long delete(int from, int to) throws SQLException {
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    int deleted = markDeleted(from, to, System.currentTimeMillis());
    long nanos = System.nanoTime() - start;
    System.out.printf(
        Locale.ROOT, "  floor: deleted %,d devices in %d ms%n", deleted, nanos / 1_000_000);
    return nanos;
  }

  /**
   * Sets {@code deleted_at} to {@code at} on devices {@code first..end-1}, a transaction per chunk.
   */
  private int markDeleted(int first, int end, long at) throws SQLException {
    int changed = 0;
    for (int from = first; from < end; from += CHUNK) {
      String[] range = range(from, end);
      int chunk;
      try (PreparedStatement rows =
          connection.prepareStatement(
              "UPDATE device SET deleted_at = ?, updated_at = ?, version = version + 1"
                  + " WHERE application_id = ? AND name_lc >= ? AND name_lc < ?"
                  + " AND deleted_at IS NULL")) {
        rows.setLong(1, at);
        rows.setLong(2, System.currentTimeMillis());
        rows.setString(3, applicationId);
        rows.setString(4, range[0]);
        rows.setString(5, range[1]);
        chunk = rows.executeUpdate();
      }
      for (String index : new String[] {"device_tag", "device_attribute"}) {
        try (PreparedStatement rows =
            connection.prepareStatement(
                "UPDATE "
                    + index
                    + " SET deleted_at = ? WHERE device_id IN ("
                    + CHUNK_DEVICES
                    + ")")) {
          rows.setLong(1, at);
          rows.setString(2, applicationId);
          rows.setString(3, range[0]);
          rows.setString(4, range[1]);
          rows.executeUpdate();
        }
      }
      try (PreparedStatement counter =
          connection.prepareStatement(
              "UPDATE application SET device_count = device_count + ? WHERE id = ?")) {
        counter.setInt(1, -chunk);
        counter.setString(2, applicationId);
        counter.executeUpdate();
      }
      connection.commit();
      changed += chunk;
    }
    return changed;
  }

  /** The names of the chunk from device {@code from}; the fleet of {@code devices} ends with it. */
  private static String[] range(int from, int devices) {
    int to = from + CHUNK;
    // "dev-~" sorts after every "dev-" + digits, also past "dev-99999".
    return new String[] {
      LifeCycleBodies.name(from), to >= devices ? "dev-~" : LifeCycleBodies.name(to)
    };
  }

  /** How many live devices have the floor tag {@code value} in the tag index. */
  long withFloorTag(String value) throws SQLException {
    return single(
        "SELECT COUNT(*) FROM device_tag t JOIN device d ON d.id = t.device_id"
            + " WHERE t.application_id = ? AND t.tag_key = 'floor' AND t.tag_value = '"
            + value
            + "' AND d.deleted_at IS NULL");
  }

  /** How many devices of the application are deleted. */
  long deleted() throws SQLException {
    return single(
        "SELECT COUNT(*) FROM device WHERE application_id = ? AND deleted_at IS NOT NULL");
  }

  /** The application's device counter. */
  long counter() throws SQLException {
    return single("SELECT device_count FROM application WHERE id = ?");
  }

  private long single(String sql) throws SQLException {
    connection.setAutoCommit(true);
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, applicationId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
