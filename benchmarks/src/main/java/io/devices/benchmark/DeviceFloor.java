package io.devices.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor of the single-device actions: over JDBC against the server's own database, the
 * statements a Get and a tag Patch of one device cannot do without (the application lookup, the
 * device row, and for the Patch its update and the replacement of its tag index rows, committed
 * together).
 */
final class DeviceFloor implements AutoCloseable {
  private static final String DEVICE =
      "SELECT * FROM device WHERE id = ? AND application_id = ? AND deleted_at IS NULL";
  private static final String UPDATE_TAGS =
      "UPDATE device SET tags = ?, updated_at = ?, version = version + 1"
          + " WHERE id = ? AND application_id = ?";
  private static final String DELETE_TAG_ROWS = "DELETE FROM device_tag WHERE device_id = ?";
  private static final String INSERT_TAG_ROW =
      "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value,"
          + " tag_value_lc) VALUES (?, ?, ?, ?, ?, ?)";

  private final Connection connection;

  DeviceFloor(String url, String user, String password) throws SQLException {
    connection = DriverManager.getConnection(url, user, password);
  }

  /** The ids of the application's devices, by name: index {@code i} is device {@code dev-i}. */
  List<String> deviceIds(String applicationId) throws SQLException {
    connection.setAutoCommit(true);
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM device WHERE application_id = ? ORDER BY name_lc, id")) {
      select.setString(1, applicationId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** One Get: the application lookup and the device row; nanoseconds. */
  long get(String applicationId, String deviceId) throws SQLException {
    connection.setAutoCommit(true);
    long start = System.nanoTime();
    lookUp(applicationId, deviceId, "");
    return System.nanoTime() - start;
  }

  /** One Patch of the tags, in one transaction; nanoseconds. */
  long patchTags(String applicationId, String deviceId, List<String[]> tags) throws SQLException {
    connection.setAutoCommit(false);
    long start = System.nanoTime();
    lookUp(applicationId, deviceId, " FOR UPDATE");
    try (PreparedStatement update = connection.prepareStatement(UPDATE_TAGS);
        PreparedStatement delete = connection.prepareStatement(DELETE_TAG_ROWS);
        PreparedStatement insert = connection.prepareStatement(INSERT_TAG_ROW)) {
      update.setString(1, LifeCycleBodies.tagsJson(tags));
      update.setLong(2, System.currentTimeMillis());
      update.setString(3, deviceId);
      update.setString(4, applicationId);
      update.executeUpdate();
      delete.setString(1, deviceId);
      delete.executeUpdate();
      for (int position = 0; position < tags.size(); position++) {
        insert.setString(1, deviceId);
        insert.setInt(2, position);
        insert.setString(3, applicationId);
        insert.setString(4, tags.get(position)[0]);
        insert.setString(5, tags.get(position)[1]);
        insert.setString(6, tags.get(position)[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    connection.commit();
    return System.nanoTime() - start;
  }

  /** The application, then the device row ({@code lock}: its row locked for the transaction). */
  private void lookUp(String applicationId, String deviceId, String lock) throws SQLException {
    try (PreparedStatement lookup = connection.prepareStatement(SqlBaseline.APPLICATION_LOOKUP)) {
      lookup.setString(1, applicationId);
      readOne(lookup);
    }
    try (PreparedStatement device = connection.prepareStatement(DEVICE + lock)) {
      device.setString(1, deviceId);
      device.setString(2, applicationId);
      readOne(device);
    }
  }

  private static void readOne(PreparedStatement select) throws SQLException {
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("The floor found no row for " + select);
      }
      int columns = row.getMetaData().getColumnCount();
      for (int c = 1; c <= columns; c++) {
        row.getObject(c);
      }
    }
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
