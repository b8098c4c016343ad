package io.devices.core.device;

import io.devices.core.common.DomainException;
import io.devices.core.common.Page;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Reads a page of a device list by plain JDBC on one connection: the application's device count
 * (which also answers whether it exists), the count of matches when the query filters, then the
 * {@link DeviceSql} page as {@link DeviceRow}s. No entity is built: a list is read-only, and
 * EclipseLink's per-row work (entity, converters, a query per lookup) was most of a page's cost.
 */
@ApplicationScoped
class DevicePages {
  private static final String LIVE_DEVICE =
      "SELECT d.* FROM device d WHERE d.id = ? AND d.application_id = ? AND d.deleted_at IS NULL";

  @Resource(lookup = "jdbc/devices")
  DataSource dataSource;

  /**
   * @throws DomainException NOT_FOUND for an unknown application, before anything else is read
   */
  Page<DeviceRow> list(DeviceListRequest query) {
    try (Connection connection = dataSource.getConnection()) {
      long applicationDevices =
          deviceCount(connection, query.applicationId())
              .orElseThrow(() -> DomainException.notFound("Application"));
      DeviceSql sql = new DeviceSql(query);
      long total = query.isFiltered() ? count(connection, sql.count()) : applicationDevices;
      // A page past the end costs no device query.
      List<DeviceRow> items =
          query.paging().offset() >= total
              ? List.of()
              : rows(connection, sql.select(total, applicationDevices), query.paging().perPage());
      return new Page<>(items, total, query.paging().page(), query.paging().perPage());
    } catch (SQLException e) {
      throw new IllegalStateException("Reading a page of devices failed", e);
    }
  }

  /**
   * The live device of the application, read like a page: the application first, then the row.
   *
   * @throws DomainException NOT_FOUND for an unknown application, then for an unknown device
   */
  DeviceRow one(String applicationId, String deviceId) {
    try (Connection connection = dataSource.getConnection()) {
      if (deviceCount(connection, applicationId).isEmpty()) {
        throw DomainException.notFound("Application");
      }
      try (PreparedStatement select = connection.prepareStatement(LIVE_DEVICE)) {
        select.setString(1, deviceId);
        select.setString(2, applicationId);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw DomainException.notFound("Device");
          }
          return DeviceRow.read(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading a device failed", e);
    }
  }

  private static OptionalLong deviceCount(Connection connection, String applicationId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(DeviceSql.APPLICATION_DEVICES)) {
      select.setString(1, applicationId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  private static long count(Connection connection, SqlStatement count) throws SQLException {
    try (PreparedStatement select = prepare(connection, count);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<DeviceRow> rows(Connection connection, SqlStatement page, int perPage)
      throws SQLException {
    List<DeviceRow> rows = new ArrayList<>(perPage);
    try (PreparedStatement select = prepare(connection, page)) {
      select.setFetchSize(perPage);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(DeviceRow.read(row));
        }
      }
    }
    return rows;
  }

  private static PreparedStatement prepare(Connection connection, SqlStatement statement)
      throws SQLException {
    PreparedStatement prepared = connection.prepareStatement(statement.sql());
    List<Object> parameters = statement.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      prepared.setObject(i + 1, parameters.get(i));
    }
    return prepared;
  }
}
