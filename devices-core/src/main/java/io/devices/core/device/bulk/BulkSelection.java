package io.devices.core.device.bulk;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Presence;
import io.devices.core.device.query.QuerySql;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices a bulk action selects, as SQL over {@code device d} (joined to the query's candidates
 * when an index answers it), in one of two statements: the first ids in id order (the request looks
 * at up to one more than it may change at once), and the {@code INSERT ... SELECT} that snapshots a
 * job's targets. A restore selects among the deleted devices, the others among the live ones.
 */
final class BulkSelection {
  private BulkSelection() {}

  static SqlStatement ids(String applicationId, DeviceQuery query, boolean deleted, int limit) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT d.id FROM device d");
    where(sql, parameters, applicationId, query, deleted);
    sql.append(" ORDER BY d.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return new SqlStatement(sql.toString(), parameters);
  }

  static SqlStatement insertTargets(
      String jobId, String applicationId, DeviceQuery query, boolean deleted) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(jobId);
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO device_job_target (job_id, device_id, outcome)"
                + " SELECT ?, d.id, 'pending' FROM device d");
    where(sql, parameters, applicationId, query, deleted);
    return new SqlStatement(sql.toString(), parameters);
  }

  private static void where(
      StringBuilder sql,
      List<Object> parameters,
      String applicationId,
      DeviceQuery query,
      boolean deleted) {
    Presence presence = deleted ? Presence.deleted() : Presence.live();
    QuerySql.candidates(applicationId, query, presence)
        .ifPresent(
            candidates -> {
              sql.append(" JOIN (").append(candidates.sql()).append(") m ON m.device_id = d.id");
              parameters.addAll(candidates.parameters());
            });
    SqlStatement condition = QuerySql.condition(applicationId, query, presence, "d");
    sql.append(" WHERE d.application_id = ? AND ").append(condition.sql());
    parameters.add(applicationId);
    parameters.addAll(condition.parameters());
  }
}
