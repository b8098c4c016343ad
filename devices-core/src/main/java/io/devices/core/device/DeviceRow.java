package io.devices.core.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One device of a list page (or the device a Get reads) as its row holds it: the tags and
 * attributes still the JSON text they are stored as (written by {@link TagsConverter} and {@link
 * AttributesConverter} from validated values), so that a response can copy them instead of parsing
 * and writing them again. Read by plain JDBC: a page builds no entity.
 *
 * @param tagsJson {@code [{"key":..,"value":..}]}, in the order given
 * @param attributesJson {@code [{"name":..,"dataType":..}]}
 * @param version bumped by every update: the device resource's ETag
 */
public record DeviceRow(
    String id,
    String applicationId,
    String name,
    String description,
    DeviceClass deviceClass,
    String gatewayId,
    String tagsJson,
    String attributesJson,
    Integer connected,
    Long connectionTime,
    long createdAt,
    long updatedAt,
    Long deletedAt,
    long version) {
  private static final TagsConverter TAGS = new TagsConverter();
  private static final AttributesConverter ATTRIBUTES = new AttributesConverter();

  /** The row at the cursor of a {@code SELECT d.*} over the device table. */
  static DeviceRow read(ResultSet row) throws SQLException {
    return new DeviceRow(
        row.getString("id"),
        row.getString("application_id"),
        row.getString("name"),
        row.getString("description"),
        DeviceClass.valueOf(row.getString("device_class")),
        row.getString("gateway_id"),
        row.getString("tags"),
        row.getString("attributes"),
        nullable(row, row.getInt("connected")),
        nullable(row, row.getLong("connection_time")),
        row.getLong("created_at"),
        row.getLong("updated_at"),
        nullable(row, row.getLong("deleted_at")),
        row.getLong("version"));
  }

  private static <T> T nullable(ResultSet row, T value) throws SQLException {
    return row.wasNull() ? null : value;
  }

  /** Parsed: only for the object forms, which regroup them. */
  public List<Tag> tags() {
    return TAGS.convertToEntityAttribute(tagsJson);
  }

  /** Parsed: only for the object forms, which regroup them. */
  public List<Attribute> attributes() {
    return ATTRIBUTES.convertToEntityAttribute(attributesJson);
  }
}
