package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.api.DeviceTagFilter;
import io.devices.api.MultiDeviceCommand;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The purge on a server of its own with a retention of one hour, looking every second: devices
 * deleted two hours ago go with their tags, attributes and deliveries; a device deleted a minute
 * ago and the live ones stay, and so does the command. The deletions are written into the database
 * while the server is stopped (H2's file is the server's while it runs), as the delete would.
 */
class DevicePurgeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named("devicesPurgeIT")
          .slot(5)
          .environment(
              () ->
                  ServerEnvironment.owner()
                      .set("DEVICES_DEVICE_RETENTION", "PT1H")
                      .set("DEVICES_DEVICE_PURGE_INTERVAL", "PT1S"));

  private static LibertyServer server;
  private static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    server = own.server();
    fixtures = new Fixtures(new Api(server.baseUrl(), System.getProperty("it.owner.token")));
  }

  @Test
  void devicesDeletedLongerThanTheRetentionAgoArePurgedWithTheirRowsAndNothingElse()
      throws Exception {
    String app = fixtures.application("purge");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(fixtures.namedDevice(app, "d" + i, "fleet", "a").id());
    }
    String commandId =
        fixtures
            .owner()
            .devices(app)
            .sendCommand(
                new MultiDeviceCommand(
                    "reboot", null, null, null, List.of(new DeviceTagFilter("fleet", null))))
            .commandId();
    server.stop();
    Instant now = Instant.now();
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      for (int i = 0; i < 3; i++) {
        delete(sql, ids.get(i), now.minus(Duration.ofHours(2)));
      }
      delete(sql, ids.get(3), now.minus(Duration.ofMinutes(1)));
    }

    server.start();
    Awaits.until(
        "the purge of the three devices in the log",
        WAIT,
        () ->
            Optional.of(server.messagesLog())
                .filter(log -> read(log).contains("Purged 3 devices")));
    server.stop();

    List<String> kept = ids.subList(3, 6).stream().sorted().toList();
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      String of = " WHERE device_id IN " + in(ids) + " ORDER BY device_id";
      assertEquals(
          kept, column(sql, "SELECT id FROM device WHERE id IN " + in(ids) + " ORDER BY id"));
      assertEquals(kept, column(sql, "SELECT DISTINCT device_id FROM device_tag" + of));
      assertEquals(kept, column(sql, "SELECT device_id FROM command_delivery" + of));
      assertEquals(
          List.of(commandId),
          column(sql, "SELECT id FROM device_command WHERE id = '" + commandId + "'"));
    }
    server.start();
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(
        server.ownDatabaseUrl(), TestDatabase.user(), TestDatabase.password());
  }

  /** As the delete does it: the device and its index rows carry the time of the delete. */
  private static void delete(Statement sql, String deviceId, Instant at) throws SQLException {
    long ms = at.toEpochMilli();
    for (String table : List.of("device_tag", "device_attribute")) {
      sql.executeUpdate(
          "UPDATE " + table + " SET deleted_at = " + ms + " WHERE device_id = '" + deviceId + "'");
    }
    sql.executeUpdate("UPDATE device SET deleted_at = " + ms + " WHERE id = '" + deviceId + "'");
  }

  private static String in(List<String> ids) {
    return "('" + String.join("', '", ids) + "')";
  }

  private static List<String> column(Statement sql, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static String read(java.nio.file.Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
