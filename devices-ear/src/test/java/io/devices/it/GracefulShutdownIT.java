package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.CommandStatus;
import io.devices.api.DeviceTagFilter;
import io.devices.api.ExportStatus;
import io.devices.api.MultiDeviceCommand;
import io.devices.api.client.DevicesClient;
import io.devices.api.client.ExportOptions;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clean stop gives back what the server had claimed. Leases are ten minutes long here, and the
 * shutdown grace one second, shorter than a slow vendor transport's batch: after a stop in the
 * middle of a fan-out and of an export, no row may still hold a lease, and after the restart both
 * finish within minutes, which they could not if they waited for the leases to expire.
 */
class GracefulShutdownIT {
  private static final String SERVER_NAME = "devicesGracefulIT";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int DEVICES = 400;

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named(SERVER_NAME)
          .slot(2)
          .environment(
              () ->
                  ServerEnvironment.owner()
                      .set("DEVICES_COMMAND_TRANSPORT", "slowlink")
                      .commandWorkers(Duration.ofMinutes(10))
                      .set("DEVICES_COMMAND_BATCH_SIZE", "20")
                      .set("DEVICES_COMMAND_WORKERS", "2")
                      .exportWorkers(Duration.ofMinutes(10))
                      .set("DEVICES_EXPORT_CALLBACK_ALLOW_PRIVATE_NETWORKS", "true")
                      .set("DEVICES_EXPORT_SLOW_MILLIS_PER_DEVICE", "50")
                      .set("DEVICES_SHUTDOWN_GRACE", "PT1S"))
          .beforeStart(
              server -> {
                // Three seconds per batch, longer than the grace: a stop finds batches in the
                // transport's hands. 50 ms per device: an export of 400 devices takes 20 s.
                PluginArtifacts.SLOWLINK_TRANSPORT.installInto(server);
                PluginArtifacts.SLOW_FORMAT.installInto(server);
              });

  private static LibertyServer server;
  private static Api owner;
  private static Fixtures fixtures;
  private static CallbackReceiver callbacks;

  @BeforeAll
  static void connect() {
    server = own.server();
    owner = new Api(server.baseUrl(), System.getProperty("it.owner.token"));
    fixtures = new Fixtures(owner);
    callbacks = new CallbackReceiver();
  }

  @AfterAll
  static void stopTheReceiver() {
    if (callbacks != null) {
      callbacks.close();
    }
  }

  @Test
  void aCleanStopReleasesEveryClaimAndTheWorkResumesAtOnceAfterTheRestart() throws Exception {
    String app = fixtures.application("graceful stop");
    for (int i = 0; i < DEVICES; i++) {
      fixtures.namedDevice(app, "d" + i, "fleet", "a");
    }
    DevicesClient client = fixtures.owner();
    String commandId =
        client
            .devices(app)
            .sendCommand(
                new MultiDeviceCommand(
                    "reboot", null, null, null, List.of(new DeviceTagFilter("fleet", null))))
            .commandId();
    String exportId =
        client
            .devices(app)
            .export(ExportOptions.byCallback(callbacks.url("graceful")).withFormat("slow"))
            .exportId();
    Awaits.until(
        "the fan-out and the export to be under way",
        WAIT,
        () ->
            Optional.of(true)
                .filter(x -> commandStatus(app, commandId).delivered() >= 20)
                .filter(x -> "running".equals(exportStatus(app, exportId).state())));

    server.stop();

    try (Connection db =
            DriverManager.getConnection(
                server.ownDatabaseUrl(), TestDatabase.user(), TestDatabase.password());
        Statement sql = db.createStatement()) {
      assertEquals(
          0, count(sql, "SELECT COUNT(*) FROM command_delivery WHERE lease_owner IS NOT NULL"));
      assertTrue(
          count(sql, "SELECT COUNT(*) FROM command_delivery WHERE state = 'pending'") > 0,
          "stopped in the middle of the fan-out");
      assertEquals(0, count(sql, "SELECT COUNT(*) FROM export_job WHERE lease_owner IS NOT NULL"));
      assertEquals(
          1,
          count(
              sql,
              "SELECT COUNT(*) FROM export_job WHERE id = '"
                  + exportId
                  + "' AND state = 'queued' AND attempts = 0"),
          "the interrupted export is queued again, its attempt not counted");
    }
    assertTrue(
        Files.readString(server.messagesLog()).contains("released"),
        "the stop logs what it released");

    Instant restarted = Instant.now();
    server.start();
    CommandStatus commandDone =
        Awaits.until(
            "every delivery after the restart",
            WAIT,
            () -> Optional.of(commandStatus(app, commandId)).filter(s -> s.pending() == 0));
    assertEquals(DEVICES, commandDone.delivered(), commandDone.toString());
    JsonObject exportDone = callbacks.await(exportId, WAIT);
    assertEquals(true, exportDone.getBoolean("success", false), exportDone.toString());
    ExportStatus export = exportStatus(app, exportId);
    assertEquals("succeeded", export.state(), export.toString());
    assertEquals(1, export.attempts(), export.toString());
    assertEquals(DEVICES, export.deviceCount(), export.toString());
    assertTrue(
        Duration.between(restarted, Instant.now()).compareTo(Duration.ofMinutes(5)) < 0,
        "finished long before a ten-minute lease could have expired");
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static CommandStatus commandStatus(String app, String commandId) {
    return fixtures.owner().commands(app).status(commandId);
  }

  private static ExportStatus exportStatus(String app, String exportId) {
    return fixtures.owner().exports(app).status(exportId);
  }
}
