package io.devices.core.device.metadata;

import io.devices.core.device.AttributeType;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The SQL of Attribute Names, one column {@code v}: over the index {@code (application_id,
 * attr_name, ...)} for every data type, {@code (application_id, data_type, attr_name)} for one. For
 * two or three types no index holds the names in order, and the rows of those types are read.
 * Public so that benchmarks time exactly what the server runs.
 */
public final class AttributeNamesSql {
  private AttributeNamesSql() {}

  /**
   * @param dataTypes the data types that count; empty: every one
   */
  public static SqlStatement select(
      String applicationId, DeviceQuery query, Prefix startsWith, Set<AttributeType> dataTypes) {
    return sql(applicationId, query, startsWith, dataTypes).statement();
  }

  static DistinctValuesSql sql(
      String applicationId, DeviceQuery query, Prefix startsWith, Set<AttributeType> dataTypes) {
    String order =
        dataTypes.size() == 1
            ? "t.application_id, t.deleted_at, t.data_type, t.attr_name"
            : "t.application_id, t.deleted_at, t.attr_name";
    DistinctValuesSql sql =
        new DistinctValuesSql("device_attribute", "attr_name", order, applicationId);
    if (!dataTypes.isEmpty() && dataTypes.size() < AttributeType.values().length) {
      List<String> types = dataTypes.stream().map(AttributeType::wireName).sorted().toList();
      sql.and(
          "t.data_type IN (" + String.join(", ", Collections.nCopies(types.size(), "?")) + ")",
          types);
      if (types.size() > 1) {
        sql.readingEveryRow();
      }
    }
    return sql.startsWithIdentifier(startsWith).ofDevices(applicationId, query);
  }
}
