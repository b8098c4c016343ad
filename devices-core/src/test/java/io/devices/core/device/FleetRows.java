package io.devices.core.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes devices into the real schema by JDBC, with the rows the server's persistence writes for
 * them (the device, its tag index and its attribute index), for tests that run SQL on a fleet.
 */
public final class FleetRows {
  private static final TagsConverter TAGS = new TagsConverter();
  private static final AttributesConverter ATTRIBUTES = new AttributesConverter();

  private FleetRows() {}

  public static void insertApplication(Connection db, String id) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO application (id, name, description, created_at, updated_at)"
                + " VALUES (?, 'app', '', 0, 0)")) {
      insert.setString(1, id);
      insert.executeUpdate();
    }
  }

  /** The device's rows, each index row marked with the device's deleted_at as the server does. */
  public static void insert(Connection db, Device device) throws SQLException {
    Long deletedAt = device.deletedAt().map(t -> t.toEpochMilli()).orElse(null);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO device (id, application_id, name, name_lc, description, device_class,"
                + " gateway_id, tags, attributes, connected, connection_time, created_at,"
                + " updated_at, version, deleted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, device.id());
      insert.setString(2, device.applicationId());
      insert.setString(3, device.name());
      insert.setString(4, Device.lowerCase(device.name()));
      insert.setString(5, device.description());
      insert.setString(6, device.deviceClass().name());
      insert.setString(7, device.gatewayId().orElse(null));
      insert.setString(8, TAGS.convertToDatabaseColumn(device.tags()));
      insert.setString(9, ATTRIBUTES.convertToDatabaseColumn(device.attributes()));
      insert.setObject(10, device.connected().orElse(null));
      insert.setObject(11, device.connectionTime().map(t -> t.toEpochMilli()).orElse(null));
      insert.setLong(12, device.creationDate().toEpochMilli());
      insert.setLong(13, device.lastUpdated().toEpochMilli());
      insert.setLong(14, device.version());
      insert.setObject(15, deletedAt);
      insert.executeUpdate();
    }
    try (PreparedStatement tag =
        db.prepareStatement(
            "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value,"
                + " tag_value_lc, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int p = 0; p < device.tags().size(); p++) {
        Tag t = device.tags().get(p);
        tag.setString(1, device.id());
        tag.setInt(2, p);
        tag.setString(3, device.applicationId());
        tag.setString(4, t.key());
        tag.setString(5, t.value());
        tag.setString(6, Device.lowerCase(t.value()));
        tag.setObject(7, deletedAt);
        tag.executeUpdate();
      }
    }
    try (PreparedStatement attribute =
        db.prepareStatement(
            "INSERT INTO device_attribute (device_id, position, application_id, attr_name,"
                + " data_type, deleted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int p = 0; p < device.attributes().size(); p++) {
        Attribute a = device.attributes().get(p);
        attribute.setString(1, device.id());
        attribute.setInt(2, p);
        attribute.setString(3, device.applicationId());
        attribute.setString(4, a.name());
        attribute.setString(5, a.dataType().wireName());
        attribute.setObject(6, deletedAt);
        attribute.executeUpdate();
      }
    }
  }
}
