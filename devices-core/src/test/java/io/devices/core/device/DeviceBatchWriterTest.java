package io.devices.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch writes of the bulk changes on the real schema (H2, and PostgreSQL when configured): a
 * change leaves exactly the rows that the entity's own update and reindexing leave (the oracle: the
 * entity updated in memory, written by {@link FleetRows} into a second database), and a delete
 * marks exactly the devices named, with their index rows.
 */
class DeviceBatchWriterTest {
  private static final String APP = "aaaaaaaaaaaaaaaaaaaaaaaa";
  private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  static Stream<TestDatabase> databases() {
    return TestDatabases.available().stream();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aChangeWritesTheRowsOfTheEntitysOwnUpdate(TestDatabase database) throws Exception {
    DeviceDraft before =
        new DeviceDraft(
            "Sensor",
            "old",
            List.of(new Tag("floor", "3"), new Tag("Zone", "North")),
            List.of(new Attribute("temperature", AttributeType.number)),
            null,
            null);
    DeviceDraft tagsOnly =
        new DeviceDraft(
            "Sensor",
            "old",
            List.of(new Tag("floor", "B1"), new Tag("Zone", "North")),
            before.attributes(),
            null,
            null);
    DeviceDraft everything =
        new DeviceDraft(
            "Renamed Ü",
            "",
            List.of(new Tag("kind", "Meter")),
            List.of(
                new Attribute("status", AttributeType.string),
                new Attribute("on", AttributeType.bool)),
            DeviceClass.gateway,
            null);
    try (database;
        TestDatabase oracle = TestDatabases.h2().migrate();
        Connection db = database.connect();
        Connection expected = oracle.connect()) {
      FleetRows.insertApplication(db, APP);
      FleetRows.insertApplication(expected, APP);
      List<DeviceBatchWriter.Change> changes = new ArrayList<>();
      for (DeviceDraft result : List.of(tagsOnly, everything)) {
        Device device = TestDevices.of(id(changes.size()), APP, before, CREATED);
        FleetRows.insert(db, device);
        changes.add(new DeviceBatchWriter.Change(device, result));
        Device updated = TestDevices.of(device.id(), APP, before, CREATED);
        updated.update(result, NOW);
        FleetRows.insert(expected, updated);
      }

      new DeviceBatchWriter(db).update(changes, NOW);

      for (DeviceBatchWriter.Change change : changes) {
        String id = change.device().id();
        assertEquals(rows(expected, id), rows(db, id));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeleteMarksTheDevicesNamedAndTheirIndexRows(TestDatabase database) throws Exception {
    DeviceDraft draft =
        new DeviceDraft(
            "d",
            null,
            List.of(new Tag("floor", "1")),
            List.of(new Attribute("t", AttributeType.number)),
            null,
            null);
    try (database;
        Connection db = database.connect()) {
      FleetRows.insertApplication(db, APP);
      Device first = TestDevices.of(id(0), APP, draft, CREATED);
      Device second = TestDevices.of(id(1), APP, draft, CREATED);
      Device untouched = TestDevices.of(id(2), APP, draft, CREATED);
      Device gone = TestDevices.deleted(TestDevices.of(id(3), APP, draft, CREATED), CREATED);
      for (Device d : List.of(first, second, untouched, gone)) {
        FleetRows.insert(db, d);
      }

      int deleted = new DeviceBatchWriter(db).markDeleted(List.of(first.id(), second.id()), NOW);

      assertEquals(2, deleted);
      long at = NOW.toEpochMilli();
      long before = CREATED.toEpochMilli();
      assertEquals(
          List.of(id(0) + " " + at + " 1", id(1) + " " + at + " 1", id(2) + " null 0"),
          strings(db, "SELECT id, deleted_at, version FROM device WHERE id <> ?", id(3)));
      assertEquals(
          List.of(id(3) + " " + before + " 1"),
          strings(db, "SELECT id, deleted_at, version FROM device WHERE id = ?", id(3)),
          "a device deleted before, not named, keeps its time and version");
      for (String index : List.of("device_tag", "device_attribute")) {
        assertEquals(
            List.of(id(0) + " " + at, id(1) + " " + at, id(2) + " null"),
            strings(
                db, "SELECT device_id, deleted_at FROM " + index + " WHERE device_id <> ?", id(3)),
            index);
      }
    }
  }

  private static String id(int n) {
    return String.format("%024d", n);
  }

  /** Every column of the device row and of its index rows, as text. */
  private static List<String> rows(Connection db, String id) throws SQLException {
    List<String> rows = new ArrayList<>();
    rows.addAll(strings(db, "SELECT * FROM device WHERE id = ?", id));
    rows.addAll(strings(db, "SELECT * FROM device_tag WHERE device_id = ? ORDER BY position", id));
    rows.addAll(
        strings(db, "SELECT * FROM device_attribute WHERE device_id = ? ORDER BY position", id));
    return rows;
  }

  private static List<String> strings(Connection db, String sql, String parameter)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement select =
        db.prepareStatement(sql + (sql.contains("ORDER BY") ? "" : " ORDER BY 1"))) {
      select.setString(1, parameter);
      try (ResultSet row = select.executeQuery()) {
        int columns = row.getMetaData().getColumnCount();
        while (row.next()) {
          StringBuilder text = new StringBuilder();
          for (int c = 1; c <= columns; c++) {
            text.append(c > 1 ? " " : "").append(row.getString(c));
          }
          rows.add(text.toString());
        }
      }
    }
    return rows;
  }
}
