package io.devices.benchmark.floor;

import io.devices.core.command.CommandTargets;
import io.devices.core.common.ObjectIds;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Selectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Send Command on the floor: the rows ours writes, in one transaction: the command, its pending
 * deliveries by the core's own {@code INSERT ... SELECT} ({@link CommandTargets}), the targeted
 * count. Nothing delivers them here (ours' workers would, on its next start).
 */
final class FloorCommands {
  private final Duration timeToLive;

  FloorCommands(Duration timeToLive) {
    this.timeToLive = timeToLive;
  }

  FloorAnswer send(Connection db, String applicationId, String text) throws SQLException {
    FloorJsonReader.Body body = FloorJsonReader.read(text);
    String name = body.string("name");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    long now = System.currentTimeMillis();
    long time = now;
    if (body.members().get("time") instanceof String iso) {
      time = Instant.parse(iso).toEpochMilli();
    } else if (body.members().get("time") != null) {
      throw new IllegalArgumentException("the floor takes time as an ISO-8601 string only");
    }
    List<DeviceQuery> targets = new ArrayList<>();
    List<Object> ids = body.list("deviceIds");
    if (ids != null && !ids.isEmpty()) {
      Set<String> distinct = new LinkedHashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        distinct.add(ObjectIds.require("deviceIds[" + i + "]", (String) ids.get(i)));
      }
      targets.add(Selectors.ids(new ArrayList<>(distinct)));
    }
    List<Object> tags = body.list("deviceTags");
    if (tags != null) {
      for (int i = 0; i < tags.size(); i++) {
        Map<?, ?> tag = (Map<?, ?>) tags.get(i);
        targets.add(
            Selectors.tag(
                "deviceTags[" + i + "]", (String) tag.get("key"), (String) tag.get("value")));
      }
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException(
          "deviceIds, deviceTags or deviceQuery must select at least one device");
    }
    try (PreparedStatement select =
        db.prepareStatement("SELECT id FROM application WHERE id = ?")) {
      select.setString(1, applicationId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return FloorAnswer.of(
              new FloorServer.Refusal(404, "NotFound", "Application was not found"));
        }
      }
    }
    String id = ObjectIds.next(Instant.ofEpochMilli(now));
    String payload = body.raw().get("payload");
    db.setAutoCommit(false);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO device_command (id, application_id, name, payload, command_time,"
                + " targeted, created_at, expires_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, applicationId);
      insert.setString(3, name);
      insert.setString(4, payload == null || payload.equals("null") ? null : payload);
      insert.setLong(5, time);
      insert.setLong(6, now);
      insert.setLong(7, now + timeToLive.toMillis());
      insert.executeUpdate();
    }
    SqlStatement deliveries =
        CommandTargets.insertDeliveries(id, applicationId, DeviceQuery.or(targets), now);
    int targeted;
    try (PreparedStatement insert = FloorDevices.prepared(db, deliveries)) {
      targeted = insert.executeUpdate();
    }
    try (PreparedStatement update =
        db.prepareStatement("UPDATE device_command SET targeted = ? WHERE id = ?")) {
      update.setLong(1, targeted);
      update.setString(2, id);
      update.executeUpdate();
    }
    db.commit();
    db.setAutoCommit(true);
    byte[] answer =
        new FloorJson().begin().string("commandId", id).bool("success", true).end().bytes();
    return new FloorAnswer(200, answer, null);
  }
}
