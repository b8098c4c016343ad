package io.devices.benchmark;

import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceSql;
import io.devices.core.device.SqlStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs, over JDBC against the server's own database, exactly the SQL the server runs for a device
 * list: the application lookup, for a filtered list the count, then the page select (text and
 * parameters from the core's {@link DeviceSql}), reading every column of every row.
 */
final class SqlBaseline implements AutoCloseable {
  /** The columns EclipseLink reads for {@code em.find(Application.class, id)}. */
  static final String APPLICATION_LOOKUP =
      "SELECT id, created_at, description, device_count, name, org_id, updated_at"
          + " FROM application WHERE id = ?";

  /** What one list cost and returned. */
  record Outcome(long nanos, long total, int rows) {}

  private final Connection connection;

  SqlBaseline(String url, String user, String password) throws SQLException {
    connection = DriverManager.getConnection(url, user, password);
    connection.setAutoCommit(true);
  }

  Outcome list(DeviceListRequest query) throws SQLException {
    long start = System.nanoTime();
    long deviceCount = applicationDeviceCount(query.applicationId());
    DeviceSql sql = new DeviceSql(query);
    long total = query.isFiltered() ? count(sql.count()) : deviceCount;
    int rows = query.paging().offset() >= total ? 0 : readAll(sql.select(total, deviceCount));
    return new Outcome(System.nanoTime() - start, total, rows);
  }

  /** A fleet-metadata request: the application lookup, then the one select of its values. */
  Outcome values(String applicationId, SqlStatement select) throws SQLException {
    long start = System.nanoTime();
    applicationDeviceCount(applicationId);
    int rows = readAll(select);
    return new Outcome(System.nanoTime() - start, rows, rows);
  }

  private long applicationDeviceCount(String applicationId) throws SQLException {
    try (PreparedStatement lookup = connection.prepareStatement(APPLICATION_LOOKUP)) {
      lookup.setString(1, applicationId);
      try (ResultSet row = lookup.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No application " + applicationId);
        }
        readRow(row);
        return row.getLong("device_count");
      }
    }
  }

  private long count(SqlStatement sql) throws SQLException {
    try (PreparedStatement count = prepare(sql);
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private int readAll(SqlStatement select) throws SQLException {
    int rows = 0;
    try (PreparedStatement page = prepare(select);
        ResultSet row = page.executeQuery()) {
      while (row.next()) {
        readRow(row);
        rows++;
      }
    }
    return rows;
  }

  private PreparedStatement prepare(SqlStatement sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.sql());
    List<Object> parameters = sql.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }

  /** Reads every column, as the server's entity mapping does. */
  private static void readRow(ResultSet row) throws SQLException {
    int columns = row.getMetaData().getColumnCount();
    for (int c = 1; c <= columns; c++) {
      row.getObject(c);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
