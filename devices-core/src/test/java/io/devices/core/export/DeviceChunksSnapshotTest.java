package io.devices.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devices.core.common.ObjectIds;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceDraft;
import io.devices.core.device.FleetRows;
import io.devices.core.device.Tag;
import io.devices.core.device.TestDevices;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import io.devices.spi.export.ExportedDevice;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An export walks the fleet of its snapshot: devices deleted while the walk runs are still written,
 * devices deleted before it or created after it are not, and each device is written once.
 */
class DeviceChunksSnapshotTest {
  private static final String APP = "575ec8687ae143cd83dc4a97";
  private static final Instant CREATED = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant SNAPSHOT = CREATED.plusSeconds(60);

  @Test
  void devicesDeletedDuringTheWalkAreWrittenOnceAndOthersNot() throws Exception {
    for (TestDatabase database : TestDatabases.available()) {
      try (database;
          Connection db = database.connect()) {
        database.migrate();
        FleetRows.insertApplication(db, APP);
        List<String> expected = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          Device device = device(i, CREATED.plusMillis(i));
          if (i % 10 == 3) { // deleted before the snapshot: not in the file
            TestDevices.deleted(device, CREATED.plusSeconds(1));
          } else {
            expected.add(device.id());
          }
          all.add(device.id());
          FleetRows.insert(db, device);
        }
        // Created after the snapshot: not in the file, though its id sorts after every other.
        FleetRows.insert(db, device(99, SNAPSHOT.plusSeconds(5)));

        DeviceChunks chunks = new DeviceChunks();
        chunks.dataSource = database.dataSource();
        chunks.clock = Clock.fixed(SNAPSHOT, ZoneOffset.UTC);
        List<String> written = new ArrayList<>();
        for (DeviceQuery query :
            List.of(
                DeviceQuery.everything(),
                QueryReader.read(
                    Json.createReader(new StringReader("{\"tags\":{\"fleet\":\"x\"}}")).readValue(),
                    "query"))) {
          written.clear();
          long count =
              chunks.forEach(
                  APP,
                  query,
                  4,
                  chunk -> {
                    if (written.isEmpty()) {
                      deleteAfter(db, chunk.get(chunk.size() - 1).id());
                    }
                    chunk.stream().map(ExportedDevice::id).forEach(written::add);
                  });
          assertEquals(expected, written, database.name() + " " + query);
          assertEquals(expected.size(), count);
        }
      }
    }
  }

  private static Device device(int i, Instant created) {
    return TestDevices.of(
        ObjectIds.next(created),
        APP,
        new DeviceDraft("d" + i, null, List.of(new Tag("fleet", "x")), null, null, null),
        created);
  }

  /**
   * Deletes, after the snapshot, every live device the walk has not reached, as the server does.
   */
  private static void deleteAfter(Connection db, String lastWritten) {
    long at = SNAPSHOT.plusSeconds(10).toEpochMilli();
    try {
      for (String table : List.of("device_tag", "device_attribute")) {
        try (PreparedStatement update =
            db.prepareStatement(
                "UPDATE "
                    + table
                    + " SET deleted_at = ? WHERE device_id > ? AND device_id IN"
                    + " (SELECT id FROM device WHERE deleted_at IS NULL)")) {
          update.setLong(1, at);
          update.setString(2, lastWritten);
          update.executeUpdate();
        }
      }
      try (PreparedStatement update =
          db.prepareStatement(
              "UPDATE device SET deleted_at = ? WHERE id > ? AND deleted_at IS NULL")) {
        update.setLong(1, at);
        update.setString(2, lastWritten);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
