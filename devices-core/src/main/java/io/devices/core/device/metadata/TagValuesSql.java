package io.devices.core.device.metadata;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of Tag Values, one column {@code v}: under one key over the index {@code (application_id,
 * tag_key, tag_value, ...)}, under every key over {@code (application_id, tag_value, ...)}. The
 * prefix is compared with {@code tag_value_lc}, lower-cased in Java. Public so that benchmarks time
 * exactly what the server runs.
 */
public final class TagValuesSql {
  private TagValuesSql() {}

  public static SqlStatement select(
      String applicationId, DeviceQuery query, Optional<String> key, Prefix startsWith) {
    return sql(applicationId, query, key, startsWith).statement();
  }

  static DistinctValuesSql sql(
      String applicationId, DeviceQuery query, Optional<String> key, Prefix startsWith) {
    DistinctValuesSql sql =
        key.isPresent()
            ? new DistinctValuesSql(
                    "device_tag",
                    "tag_value",
                    "t.application_id, t.deleted_at, t.tag_key, t.tag_value",
                    applicationId)
                .and("t.tag_key = ?", List.of(key.get()))
            : new DistinctValuesSql(
                "device_tag",
                "tag_value",
                "t.application_id, t.deleted_at, t.tag_value",
                applicationId);
    return sql.startsWithFoldedIn("t.tag_value_lc", startsWith).ofDevices(applicationId, query);
  }
}
