package io.devices.core.device.metadata;

import io.devices.core.device.NameGlob;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QuerySql;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of Device Names, columns {@code id, name, device_class}: the first devices in name order
 * (lower-cased, then id), read in the order of the index {@code (application_id, name_lc, id)}. The
 * query is a condition on the device rows themselves rather than an id list. Public so that
 * benchmarks time exactly what the server runs.
 */
public final class DeviceNamesSql {
  private DeviceNamesSql() {}

  public static SqlStatement select(String applicationId, DeviceQuery query, Prefix startsWith) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT d.id, d.name, d.device_class FROM device d WHERE d.application_id = ?");
    List<Object> parameters = new ArrayList<>(List.of(applicationId));
    if (startsWith.isNone()) {
      // A range on the sort column pins H2 to the name index (else it sorts every device).
      sql.append(" AND d.name_lc >= ?");
      parameters.add("");
    } else {
      sql.append(" AND d.name_lc LIKE ? ESCAPE '").append(NameGlob.ESCAPE).append('\'');
      parameters.add(startsWith.likePattern());
    }
    SqlStatement condition = QuerySql.condition(applicationId, query, "d"); // live devices
    sql.append(" AND ").append(condition.sql());
    parameters.addAll(condition.parameters());
    sql.append(" ORDER BY d.application_id, d.name_lc, d.id LIMIT ")
        .append(FleetMetadata.MAX_ENTRIES);
    return new SqlStatement(sql.toString(), parameters);
  }
}
