package io.devices.core.device.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.FleetRows;
import io.devices.core.device.Tag;
import io.devices.core.device.TestDevices;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The purge's SQL on the real schema (H2, and PostgreSQL when configured): it removes exactly the
 * devices deleted before the cutoff, with their deliveries and index rows, and nothing else.
 */
class PurgeBatchTest {
  private static final String APP = "aaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String OTHER_APP = "bbbbbbbbbbbbbbbbbbbbbbbb";
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));

  static Stream<TestDatabase> databases() {
    return TestDatabases.available().stream();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void removesTheDevicesDeletedBeforeTheCutoffWithTheirRowsAndNothingElse(TestDatabase database)
      throws Exception {
    try (database;
        Connection db = database.connect()) {
      FleetRows.insertApplication(db, APP);
      FleetRows.insertApplication(db, OTHER_APP);
      Device live = device("000000000000000000000001", APP, null);
      Device recent = device("000000000000000000000002", APP, CUTOFF); // not before the cutoff
      Device old = device("000000000000000000000003", APP, CUTOFF.minusMillis(1));
      Device otherOld = device("000000000000000000000004", OTHER_APP, CUTOFF.minusSeconds(86400));
      for (Device d : List.of(live, recent, old, otherOld)) {
        FleetRows.insert(db, d);
      }
      command(db, "c00000000000000000000001", APP, live, recent, old);
      command(db, "c00000000000000000000002", OTHER_APP, otherOld);

      int purged = new PurgeBatch(database.dataSource()).purge(CUTOFF, 500);

      assertEquals(2, purged);
      List<String> kept = List.of(live.id(), recent.id());
      assertEquals(kept, ids(db, "SELECT id FROM device ORDER BY id"));
      assertEquals(kept, ids(db, "SELECT DISTINCT device_id FROM device_tag ORDER BY device_id"));
      assertEquals(
          kept, ids(db, "SELECT DISTINCT device_id FROM device_attribute ORDER BY device_id"));
      assertEquals(kept, ids(db, "SELECT device_id FROM command_delivery ORDER BY device_id"));
      assertEquals(
          List.of("c00000000000000000000001", "c00000000000000000000002"),
          ids(db, "SELECT id FROM device_command ORDER BY id"),
          "the commands stay, also one whose every delivery went");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void purgesInBatchesOfTheLimit(TestDatabase database) throws Exception {
    try (database;
        Connection db = database.connect()) {
      FleetRows.insertApplication(db, APP);
      List<Device> devices = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Device d = device(String.format("%024d", i + 1), APP, CUTOFF.minusSeconds(60 - i));
        FleetRows.insert(db, d);
        devices.add(d);
      }
      command(db, "c00000000000000000000001", APP, devices.toArray(Device[]::new));
      PurgeBatch batch = new PurgeBatch(database.dataSource());

      assertEquals(2, batch.purge(CUTOFF, 2));
      assertEquals(
          List.of(devices.get(2).id(), devices.get(3).id(), devices.get(4).id()),
          ids(db, "SELECT id FROM device ORDER BY id"),
          "the longest deleted first");
      assertEquals(2, batch.purge(CUTOFF, 2));
      assertEquals(1, batch.purge(CUTOFF, 2));
      assertEquals(0, batch.purge(CUTOFF, 2));
      assertEquals(List.of(), ids(db, "SELECT device_id FROM command_delivery"));
    }
  }

  private static Device device(String id, String applicationId, Instant deletedAt) {
    Device device =
        TestDevices.of(
            id,
            applicationId,
            new DeviceDraft(
                "device " + id,
                null,
                List.of(new Tag("floor", "8"), new Tag("room", id)),
                List.of(new Attribute("temp", AttributeType.number)),
                null,
                null),
            NOW.minus(Duration.ofDays(60)));
    return deletedAt == null ? device : TestDevices.deleted(device, deletedAt);
  }

  private static void command(Connection db, String id, String applicationId, Device... to)
      throws SQLException {
    try (Statement insert = db.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO device_command (id, application_id, name, command_time, created_at,"
              + " expires_at) VALUES ('"
              + id
              + "', '"
              + applicationId
              + "', 'reboot', 0, 0, 0)");
    }
    try (PreparedStatement delivery =
        db.prepareStatement(
            "INSERT INTO command_delivery (command_id, device_id, state, next_attempt_at)"
                + " VALUES (?, ?, 'pending', 0)")) {
      for (Device device : to) {
        delivery.setString(1, id);
        delivery.setString(2, device.id());
        delivery.executeUpdate();
      }
    }
  }

  private static List<String> ids(Connection db, String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement select = db.createStatement();
        ResultSet rows = select.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
