package io.devices.core.device.metadata;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;

/**
 * The SQL of Tag Keys, one column {@code v}: over the index {@code (application_id, tag_key, ...)}.
 * Public so that benchmarks time exactly what the server runs.
 */
public final class TagKeysSql {
  private TagKeysSql() {}

  public static SqlStatement select(String applicationId, DeviceQuery query, Prefix startsWith) {
    return sql(applicationId, query, startsWith).statement();
  }

  static DistinctValuesSql sql(String applicationId, DeviceQuery query, Prefix startsWith) {
    return new DistinctValuesSql(
            "device_tag", "tag_key", "t.application_id, t.deleted_at, t.tag_key", applicationId)
        .startsWithIdentifier(startsWith)
        .ofDevices(applicationId, query);
  }
}
