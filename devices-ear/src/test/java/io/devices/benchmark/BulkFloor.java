package io.devices.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The floor of the bulk jobs: the same change of the same rows as one set-based SQL statement per
 * table, in one transaction, over JDBC against the server's own database. For {@code set tag} the
 * device rows' stored tags and their tag index rows; for delete the device rows, their tag and
 * attribute index rows (which carry the device's {@code deleted_at}) and the application's device
 * counter.
 */
final class BulkFloor {
  /** The one {@code floor} tag of a stored tag list (the seeded fleet has exactly one). */
  private static final String FLOOR_TAG = "\\{\"key\":\"floor\",\"value\":\"[^\"]*\"\\}";

  private final Connection connection;
  private final String applicationId;

  BulkFloor(Connection connection, String applicationId) {
    this.connection = connection;
    this.applicationId = applicationId;
  }

  /** Sets the floor tag of every live device to {@code value}; nanoseconds. */
  long setFloorTag(String value) throws SQLException {
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    int devices;
    try (PreparedStatement rows =
            connection.prepareStatement(
                "UPDATE device SET tags = REGEXP_REPLACE(tags, ?, ?), updated_at = ?,"
                    + " version = version + 1"
                    + " WHERE application_id = ? AND deleted_at IS NULL");
        PreparedStatement index =
            connection.prepareStatement(
                "UPDATE device_tag SET tag_value = ?, tag_value_lc = ?"
                    + " WHERE application_id = ? AND tag_key = 'floor'")) {
      rows.setString(1, FLOOR_TAG);
      rows.setString(2, "{\"key\":\"floor\",\"value\":\"" + value + "\"}");
      rows.setLong(3, System.currentTimeMillis());
      rows.setString(4, applicationId);
      devices = rows.executeUpdate();
      index.setString(1, value);
      index.setString(2, value);
      index.setString(3, applicationId);
      index.executeUpdate();
    }
    connection.commit();
    long nanos = System.nanoTime() - start;
    System.out.printf(
        Locale.ROOT,
        "  floor: set the floor tag of %,d devices in %d ms%n",
        devices,
        nanos / 1_000_000);
    return nanos;
  }

  /**
   * Soft-deletes the live devices named below {@code name} and moves the counter, timed, then
   * undoes it (untimed) so that the API's job finds the fleet as it was; nanoseconds.
   */
  long deleteBelow(String name) throws SQLException {
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    int deleted = markDeleted(name, System.currentTimeMillis());
    count(-deleted);
    connection.commit();
    long nanos = System.nanoTime() - start;
    int restored = markDeleted(name, null);
    count(restored);
    connection.commit();
    System.out.printf(
        Locale.ROOT,
        "  floor: deleted %,d devices in %d ms (and restored them)%n",
        deleted,
        nanos / 1_000_000);
    if (restored != deleted) {
      throw new IllegalStateException("The floor restored " + restored + " of " + deleted);
    }
    return nanos;
  }

  /** Sets {@code deleted_at} to {@code at} (null: restores) on the devices below {@code name}. */
  private int markDeleted(String name, Long at) throws SQLException {
    String selected =
        "application_id = ? AND name < ? AND deleted_at IS " + (at == null ? "NOT NULL" : "NULL");
    int devices;
    try (PreparedStatement rows =
        connection.prepareStatement(
            "UPDATE device SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE "
                + selected)) {
      rows.setObject(1, at);
      rows.setLong(2, System.currentTimeMillis());
      rows.setString(3, applicationId);
      rows.setString(4, name);
      devices = rows.executeUpdate();
    }
    for (String index : new String[] {"device_tag", "device_attribute"}) {
      try (PreparedStatement rows =
          connection.prepareStatement(
              "UPDATE "
                  + index
                  + " SET deleted_at = ? WHERE application_id = ? AND device_id IN"
                  + " (SELECT id FROM device WHERE application_id = ? AND name < ?)")) {
        rows.setObject(1, at);
        rows.setString(2, applicationId);
        rows.setString(3, applicationId);
        rows.setString(4, name);
        rows.executeUpdate();
      }
    }
    return devices;
  }

  private void count(int change) throws SQLException {
    try (PreparedStatement counter =
        connection.prepareStatement(
            "UPDATE application SET device_count = device_count + ? WHERE id = ?")) {
      counter.setInt(1, change);
      counter.setString(2, applicationId);
      counter.executeUpdate();
    }
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
