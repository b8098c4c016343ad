package io.devices.core.command;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.TagFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The one {@code INSERT ... SELECT} that writes a command's deliveries: every device of the
 * application whose id was given or that carries a matching tag, once ({@code UNION}). The
 * transport is left open: {@link CommandOutbox#transports} resolves it when the batch goes out.
 */
final class CommandTargets {
  private CommandTargets() {}

  static SqlStatement insertDeliveries(
      String commandId, String applicationId, CommandDraft draft, long now) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(commandId);
    parameters.add(now);
    StringJoiner selection = new StringJoiner(" UNION ");
    for (TagFilter tag : draft.deviceTags()) {
      StringBuilder select =
          new StringBuilder(
              "SELECT t.device_id AS id FROM device_tag t WHERE t.application_id = ?");
      parameters.add(applicationId);
      if (tag.key() != null) {
        select.append(" AND t.tag_key = ?");
        parameters.add(tag.key());
      }
      if (tag.value() != null) {
        select.append(" AND t.tag_value = ?");
        parameters.add(tag.value());
      }
      selection.add(select);
    }
    if (!draft.deviceIds().isEmpty()) {
      StringJoiner ids = new StringJoiner(", ", "(", ")");
      draft.deviceIds().forEach(id -> ids.add("?"));
      selection.add(
          "SELECT d.id AS id FROM device d WHERE d.application_id = ? AND d.id IN " + ids);
      parameters.add(applicationId);
      parameters.addAll(draft.deviceIds());
    }
    String sql =
        "INSERT INTO command_delivery (command_id, device_id, state, attempts, next_attempt_at)"
            + " SELECT ?, m.id, 'pending', 0, ? FROM ("
            + selection
            + ") m";
    return new SqlStatement(sql, parameters);
  }
}
