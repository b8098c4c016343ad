package io.devices.core.command;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QuerySql;
import java.util.ArrayList;
import java.util.List;

/**
 * The one {@code INSERT ... SELECT} that writes a command's deliveries: every device of the
 * application that the targets select, once (the rows come from {@code device}, joined to the
 * query's candidates when an index answers it). The transport is left open: {@link
 * CommandOutbox#recipients} resolves it when the batch goes out. Public so that the benchmark's
 * floor server writes exactly the rows the server writes.
 */
public final class CommandTargets {
  private CommandTargets() {}

  public static SqlStatement insertDeliveries(
      String commandId, String applicationId, DeviceQuery targets, long now) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(commandId);
    parameters.add(now);
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO command_delivery (command_id, device_id, state, attempts, next_attempt_at)"
                + " SELECT ?, d.id, 'pending', 0, ? FROM device d");
    QuerySql.candidates(applicationId, targets)
        .ifPresent(
            candidates -> {
              sql.append(" JOIN (").append(candidates.sql()).append(") m ON m.device_id = d.id");
              parameters.addAll(candidates.parameters());
            });
    SqlStatement condition = QuerySql.condition(applicationId, targets, "d");
    sql.append(" WHERE d.application_id = ? AND ").append(condition.sql());
    parameters.add(applicationId);
    parameters.addAll(condition.parameters());
    return new SqlStatement(sql.toString(), parameters);
  }
}
