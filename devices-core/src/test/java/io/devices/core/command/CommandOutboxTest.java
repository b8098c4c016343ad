package io.devices.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.Selectors;
import io.devices.core.device.query.TagCondition;
import io.devices.core.testdb.TestDatabase;
import io.devices.core.testdb.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's SQL on the real schema (H2, migrated by Flyway): selection, claims, outcomes. */
class CommandOutboxTest {
  private static final String APP = "a00000000000000000000001";
  private static final String OTHER = "a00000000000000000000002";
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private TestDatabase database;
  private Connection db;
  private CommandOutbox outbox;

  @BeforeEach
  void schema() throws SQLException {
    database = TestDatabases.h2().migrate();
    db = database.connect();
    outbox = new CommandOutbox();
    outbox.dataSource = database.dataSource();
    for (String app : List.of(APP, OTHER)) {
      execute(
          "INSERT INTO application (id, name, description, created_at, updated_at)"
              + " VALUES ('"
              + app
              + "', 'app', '', 0, 0)");
    }
    device(APP, 1, Map.of("floor", "8"));
    device(APP, 2, Map.of("floor", "9", "commandTransport", "lora"));
    device(APP, 3, Map.of("floor", "8", "zone", "north"));
    device(APP, 4, Map.of());
    device(OTHER, 5, Map.of("floor", "8"));
  }

  @AfterEach
  void drop() throws SQLException {
    db.close();
    database.close();
  }

  private static String id(int n) {
    return String.format("d%023d", n);
  }

  private void device(String app, int n, Map<String, String> tags) throws SQLException {
    execute(
        "INSERT INTO device (id, application_id, name, name_lc, description, device_class, tags,"
            + " attributes, created_at, updated_at) VALUES ('"
            + id(n)
            + "', '"
            + app
            + "', 'd', 'd', '', 'standalone', '[]', '[]', 0, 0)");
    int position = 0;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      execute(
          "INSERT INTO device_tag (device_id, position, application_id, tag_key, tag_value,"
              + " tag_value_lc) VALUES ('"
              + id(n)
              + "', "
              + position++
              + ", '"
              + app
              + "', '"
              + tag.getKey()
              + "', '"
              + tag.getValue()
              + "', '"
              + tag.getValue().toLowerCase(Locale.ROOT)
              + "')");
    }
  }

  private void execute(String sql) throws SQLException {
    try (var statement = db.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private Set<String> send(String commandId, List<String> ids, List<TagCondition> tags)
      throws SQLException {
    execute(
        "INSERT INTO device_command (id, application_id, name, command_time, created_at, expires_at)"
            + " VALUES ('"
            + commandId
            + "', '"
            + APP
            + "', 'go', 0, 0, 0)");
    List<DeviceQuery> targets = new ArrayList<>(tags);
    if (!ids.isEmpty()) {
      targets.add(Selectors.ids(ids));
    }
    SqlStatement insert =
        CommandTargets.insertDeliveries(
            commandId, APP, DeviceQuery.or(targets), NOW.toEpochMilli());
    try (PreparedStatement statement = db.prepareStatement(insert.sql())) {
      for (int i = 0; i < insert.parameters().size(); i++) {
        statement.setObject(i + 1, insert.parameters().get(i));
      }
      statement.executeUpdate();
    }
    Set<String> devices = new HashSet<>();
    try (PreparedStatement select =
        db.prepareStatement("SELECT device_id FROM command_delivery WHERE command_id = ?")) {
      select.setString(1, commandId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          devices.add(rows.getString(1));
        }
      }
    }
    return devices;
  }

  @Test
  void idsAndTagsSelectTheUnionOnce() throws SQLException {
    Set<String> selected =
        send(
            "c00000000000000000000001",
            List.of(id(1), id(4), id(5)),
            List.of(Selectors.tag("t", "floor", "8"), Selectors.tag("t", null, "9")));
    // id(5) is in another application; id(1) is selected by id and by tag, once.
    assertEquals(Set.of(id(1), id(2), id(3), id(4)), selected);
  }

  @Test
  void aDeviceNamesItsTransportWithItsTag() throws SQLException {
    assertEquals(
        Map.of(id(2), "lora"), outbox.recipients(List.of(id(1), id(2), id(3), id(4))).transports());
  }

  @Test
  void aBatchsRecipientsAreReadAtOnceOnEveryDatabase() throws SQLException {
    Connection h2 = db;
    for (TestDatabase each : TestDatabases.available()) {
      try (each;
          Connection other = each.connect()) {
        db = other;
        outbox = new CommandOutbox();
        outbox.dataSource = each.dataSource();
        execute(
            "INSERT INTO application (id, name, description, created_at, updated_at)"
                + " VALUES ('"
                + APP
                + "', 'app', '', 0, 0)");
        device(APP, 1, Map.of("floor", "8"));
        device(APP, 2, Map.of("commandTransport", "lora", "zone", "north"));
        device(APP, 3, Map.of("commandTransport", "webhook"));
        device(APP, 6, Map.of());
        execute("UPDATE device SET deleted_at = 5 WHERE id = '" + id(3) + "'");
        CommandOutbox.Recipients recipients =
            outbox.recipients(List.of(id(1), id(2), id(3), id(6), id(7)));
        assertEquals(
            Map.of(id(2), "lora", id(3), "webhook"), recipients.transports(), each.toString());
        assertEquals(Set.of(id(3)), recipients.deleted(), "a device without its row is not");
      } finally {
        db = h2;
      }
    }
  }

  @Test
  void aKeyOnlyTagSelectsEveryValue() throws SQLException {
    assertEquals(
        Set.of(id(1), id(2), id(3)),
        send("c00000000000000000000002", List.of(), List.of(Selectors.tag("t", "floor", null))));
  }

  @Test
  void claimsAreDisjointExpireAndEndWithTheRecordedOutcome() throws SQLException {
    send("c00000000000000000000003", List.of(id(1), id(2), id(3), id(4)), List.of());
    Instant lease = NOW.plusSeconds(60);
    List<ClaimedDelivery> first = outbox.claim("worker-1", 3, NOW, lease);
    List<ClaimedDelivery> second = outbox.claim("worker-2", 3, NOW, lease);
    assertEquals(3, first.size());
    assertEquals(1, second.size());
    Set<String> devices = new HashSet<>();
    first.forEach(d -> devices.add(d.deviceId()));
    second.forEach(d -> devices.add(d.deviceId()));
    assertEquals(4, devices.size(), "no delivery claimed twice");
    assertTrue(outbox.claim("worker-3", 10, NOW.plusSeconds(30), lease).isEmpty(), "leased");

    // worker-1 records; worker-2 dies and its lease expires.
    ClaimedDelivery retried = first.get(2);
    DeliveriesRecorded recorded =
        outbox.record(
            "worker-1",
            List.of(
                new CommandOutbox.Outcome(first.get(0), "mqtt", DeliveryState.delivered, null, NOW),
                new CommandOutbox.Outcome(
                    first.get(1), "mqtt", DeliveryState.failed, "no such device", NOW),
                new CommandOutbox.Outcome(
                    retried, "mqtt", DeliveryState.pending, "broker down", NOW.plusSeconds(5))),
            NOW);
    assertEquals(new DeliveriesRecorded(1, 1), recorded, "a retry is not an outcome");
    List<ClaimedDelivery> later =
        outbox.claim("worker-4", 10, NOW.plusSeconds(61), NOW.plusSeconds(120));
    Set<String> again = new HashSet<>();
    later.forEach(d -> again.add(d.deviceId()));
    assertEquals(Set.of(retried.deviceId(), second.get(0).deviceId()), again);
    assertTrue(later.stream().allMatch(d -> d.attempts() == 2), later.toString());

    Map<String, Integer> states = new HashMap<>();
    try (ResultSet rows =
        db.createStatement()
            .executeQuery("SELECT state, COUNT(*) FROM command_delivery GROUP BY state")) {
      while (rows.next()) {
        states.put(rows.getString(1), rows.getInt(2));
      }
    }
    assertEquals(Map.of("delivered", 1, "failed", 1, "pending", 2), states);
    assertEquals(2, outbox.pendingCount());
  }

  @Test
  void aClaimedDeliveryWhoseDeviceWasDeletedSinceIsCancelledNotSent() throws SQLException {
    send("c00000000000000000000005", List.of(id(1), id(2), id(3)), List.of());
    List<ClaimedDelivery> batch = outbox.claim("worker", 10, NOW, NOW.plusSeconds(60));
    assertEquals(3, batch.size());
    // Deleted after the claim, before the batch goes out.
    execute("UPDATE device SET deleted_at = 1 WHERE id = '" + id(2) + "'");
    List<CommandOutbox.Outcome> outcomes = new ArrayList<>();
    List<ClaimedDelivery> toSend = outbox.withoutDeletedDevices(batch, outcomes, NOW);
    assertEquals(
        Set.of(id(1), id(3)),
        toSend.stream()
            .map(ClaimedDelivery::deviceId)
            .collect(java.util.stream.Collectors.toSet()));
    assertEquals(1, outcomes.size());
    assertEquals(id(2), outcomes.get(0).delivery().deviceId());
    assertEquals(DeliveryState.cancelled, outcomes.get(0).state());
    outbox.record("worker", outcomes, NOW);
    try (ResultSet row =
        db.createStatement()
            .executeQuery(
                "SELECT state, last_error FROM command_delivery WHERE device_id = '"
                    + id(2)
                    + "'")) {
      row.next();
      assertEquals("cancelled", row.getString(1));
      assertEquals("device deleted", row.getString(2));
    }
    assertEquals(2, outbox.pendingCount(), "the others wait for their outcome");
  }

  @Test
  void aRecordByAWorkerThatLostItsLeaseChangesNothing() throws SQLException {
    send("c00000000000000000000004", List.of(id(1)), List.of());
    ClaimedDelivery stale = outbox.claim("old", 1, NOW, NOW.plusSeconds(1)).get(0);
    outbox.claim("new", 1, NOW.plusSeconds(2), NOW.plusSeconds(60));
    DeliveriesRecorded recorded =
        outbox.record(
            "old",
            List.of(new CommandOutbox.Outcome(stale, "mqtt", DeliveryState.delivered, null, NOW)),
            NOW);
    assertEquals(new DeliveriesRecorded(0, 0), recorded, "counted once, by the new claimer");
    try (ResultSet row =
        db.createStatement().executeQuery("SELECT state, lease_owner FROM command_delivery")) {
      assertTrue(row.next());
      assertEquals("pending", row.getString(1));
      assertEquals("new", row.getString(2));
    }
  }

  /**
   * Workers claim at the same time: one that finds rows another is still claiming (locked in its
   * open transaction) takes the others at once. Without SKIP LOCKED on H2 it waited for that
   * claim's commit (failing at the lock timeout) and then came away without those rows.
   */
  @Test
  void aClaimSkipsTheRowsAnotherClaimHoldsInsteadOfWaitingForThem() throws SQLException {
    send("c00000000000000000000005", List.of(id(1), id(2), id(3), id(4)), List.of());
    try (Connection other = database.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement hold =
          other.prepareStatement(
              "SELECT device_id FROM command_delivery WHERE device_id IN (?, ?) FOR UPDATE")) {
        hold.setString(1, id(1));
        hold.setString(2, id(2));
        hold.executeQuery().close();
      }
      List<ClaimedDelivery> claimed = outbox.claim("worker-2", 4, NOW, NOW.plusSeconds(60));
      Set<String> devices = new HashSet<>();
      claimed.forEach(d -> devices.add(d.deviceId()));
      assertEquals(Set.of(id(3), id(4)), devices, "the rows nobody holds");
      other.rollback();
    }
  }
}
