package io.devices.core.device;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The writes of a {@link DeviceBatch} as JDBC batches: one batched UPDATE of the changed device
 * rows, their old index rows removed with a few {@code IN} lists and the new ones inserted in one
 * batch; deletes as set-based UPDATEs of the devices and their index rows. The same columns and
 * values as the entities' own writes ({@link Device#update}, {@link TagIndexEntry}, {@link
 * AttributeIndexEntry}, {@link DeviceRepository#markIndexRows}).
 */
final class DeviceBatchWriter {
  private static final TagsConverter TAGS = new TagsConverter();
  private static final AttributesConverter ATTRIBUTES = new AttributesConverter();

  /** A checked change of one device: the device as read, and its result. */
  record Change(Device device, DeviceDraft result) {
    boolean tagsChanged() {
      return !result.tags().equals(device.tags());
    }

    boolean attributesChanged() {
      return !result.attributes().equals(device.attributes());
    }
  }

  private final Connection db;

  DeviceBatchWriter(Connection db) {
    this.db = db;
  }

  void update(List<Change> changes, Instant now) throws SQLException {
    try (PreparedStatement rows =
        db.prepareStatement(
            "UPDATE device SET name = ?, name_lc = ?, description = ?, device_class = ?,"
                + " gateway_id = ?, tags = ?, attributes = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ?")) {
      for (Change change : changes) {
        DeviceDraft result = change.result();
        rows.setString(1, result.name());
        rows.setString(2, Device.lowerCase(result.name()));
        rows.setString(3, result.description());
        rows.setString(4, result.deviceClass().name());
        if (result.gatewayId() == null) {
          rows.setNull(5, Types.VARCHAR);
        } else {
          rows.setString(5, result.gatewayId());
        }
        rows.setString(6, TAGS.convertToDatabaseColumn(result.tags()));
        rows.setString(7, ATTRIBUTES.convertToDatabaseColumn(result.attributes()));
        // As Device.update: never backwards, and always forward.
        long updatedAt =
            Math.max(now.toEpochMilli(), change.device().lastUpdated().toEpochMilli() + 1);
        rows.setLong(8, updatedAt);
        rows.setString(9, change.device().id());
        rows.addBatch();
      }
      rows.executeBatch();
    }
    reindexTags(changes.stream().filter(Change::tagsChanged).toList());
    reindexAttributes(changes.stream().filter(Change::attributesChanged).toList());
  }

  private void reindexTags(List<Change> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    InLists.update(db, "DELETE FROM device_tag WHERE device_id IN (", s -> 0, ids(changes));
    try (PreparedStatement rows =
        db.prepareStatement(
            "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value,"
                + " tag_value_lc) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Change change : changes) {
        List<Tag> tags = change.result().tags();
        for (int position = 0; position < tags.size(); position++) {
          rows.setString(1, change.device().id());
          rows.setInt(2, position);
          rows.setString(3, change.device().applicationId());
          rows.setString(4, tags.get(position).key());
          rows.setString(5, tags.get(position).value());
          rows.setString(6, Device.lowerCase(tags.get(position).value()));
          rows.addBatch();
        }
      }
      rows.executeBatch();
    }
  }

  private void reindexAttributes(List<Change> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    InLists.update(db, "DELETE FROM device_attribute WHERE device_id IN (", s -> 0, ids(changes));
    try (PreparedStatement rows =
        db.prepareStatement(
            "INSERT INTO device_attribute (device_id, position, application_id, attr_name,"
                + " data_type) VALUES (?, ?, ?, ?, ?)")) {
      for (Change change : changes) {
        List<Attribute> attributes = change.result().attributes();
        for (int position = 0; position < attributes.size(); position++) {
          rows.setString(1, change.device().id());
          rows.setInt(2, position);
          rows.setString(3, change.device().applicationId());
          rows.setString(4, attributes.get(position).name());
          rows.setString(5, attributes.get(position).dataType().wireName());
          rows.addBatch();
        }
      }
      rows.executeBatch();
    }
  }

  /**
   * Soft-deletes the devices, which must be live and locked by the caller (by primary key alone: a
   * condition on deleted_at would make H2 walk that index instead); how many there were.
   */
  int markDeleted(List<String> deviceIds, Instant now) throws SQLException {
    long at = now.toEpochMilli();
    int deleted =
        InLists.update(
            db,
            "UPDATE device SET deleted_at = ?, version = version + 1 WHERE id IN (",
            s -> {
              s.setLong(1, at);
              return 1;
            },
            deviceIds);
    for (String index : List.of("device_tag", "device_attribute")) {
      InLists.update(
          db,
          "UPDATE " + index + " SET deleted_at = ? WHERE device_id IN (",
          s -> {
            s.setLong(1, at);
            return 1;
          },
          deviceIds);
    }
    return deleted;
  }

  private static List<String> ids(List<Change> changes) {
    return changes.stream().map(c -> c.device().id()).toList();
  }
}
