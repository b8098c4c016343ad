package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.CommandDeliveries;
import io.devices.api.CommandDeliveryStatus;
import io.devices.api.CommandStatus;
import io.devices.api.DeviceTagFilter;
import io.devices.api.MultiDeviceCommand;
import io.devices.testsupport.mqtt.EmbeddedBroker;
import io.devices.testsupport.mqtt.MqttSubscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Send Command when things go wrong, on a server of its own with a broker the test controls: the
 * broker is down when commands are sent; a vendor transport is dropped into the plugins directory;
 * the server is killed (SIGKILL) in the middle of a fan-out. Nothing is lost.
 */
class CommandFaultsIT {
  private static final String SERVER_NAME = "devicesCommandIT";
  private static final Duration WAIT = Duration.ofSeconds(120);

  /** The broker the test controls: down when the server starts. */
  private static final EmbeddedBroker broker =
      new EmbeddedBroker(java.net.URI.create(System.getProperty("it.mqtt.url")).getPort() + 1);

  private static final Path fileLog = temporaryFile();

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named(SERVER_NAME)
          .environment(
              () ->
                  ServerEnvironment.owner()
                      .mqttBroker(broker.url())
                      .set("DEVICES_FILELOG_PATH", fileLog.toString())
                      .commandWorkers(Duration.ofSeconds(3))
                      .set("DEVICES_COMMAND_RETRY_DELAY", "PT0.5S")
                      .set("DEVICES_COMMAND_MAX_RETRY_DELAY", "PT2S")
                      // Small batches, one worker: a fan-out to a few thousand devices takes long
                      // enough to be interrupted.
                      .set("DEVICES_COMMAND_BATCH_SIZE", "20")
                      .set("DEVICES_COMMAND_WORKERS", "1"));

  private static LibertyServer server;
  private static Api owner;
  private static Fixtures fixtures;

  @BeforeAll
  static void connect() {
    server = own.server();
    owner = new Api(server.baseUrl(), System.getProperty("it.owner.token"));
    fixtures = new Fixtures(owner);
  }

  @AfterAll
  static void stopTheBroker() {
    broker.close();
  }

  private static Path temporaryFile() {
    try {
      return Files.createTempFile("filelog", ".txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> devices(String app, int count, String... tags) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(fixtures.namedDevice(app, "d" + i, tags).id());
    }
    return ids;
  }

  /** Sends a command to every device that has a tag with this key. */
  private static String send(String app, String name, Object payload, String tagKey) {
    return fixtures
        .owner()
        .devices(app)
        .sendCommand(
            new MultiDeviceCommand(
                name, payload, null, null, List.of(new DeviceTagFilter(tagKey, null))))
        .commandId();
  }

  private static CommandStatus status(String app, String commandId) {
    return fixtures.owner().commands(app).status(commandId);
  }

  @Test
  void commandsSentWhileTheBrokerIsDownAreDeliveredWhenItComesUp() {
    broker.stop(); // down at the server's start; an earlier test may have started it
    String app = fixtures.application("outage " + UUID.randomUUID());
    List<String> ids = devices(app, 50, "fleet", "outage");
    String commandId = send(app, "wake", null, "fleet");
    CommandDeliveryStatus waiting =
        Awaits.until(
            "failed attempts while the broker is down",
            WAIT,
            () -> {
              CommandDeliveries page =
                  fixtures.owner().commands(app).deliveries(commandId, null, 0, 1);
              CommandDeliveryStatus first = page.items().get(0);
              return first.attempts() >= 2 ? Optional.of(first) : Optional.empty();
            });
    assertEquals("pending", waiting.state());
    assertTrue(waiting.lastError().contains("not connected"), waiting.toString());
    assertEquals(50, status(app, commandId).pending());

    broker.start();
    try (MqttSubscriber subscriber = new MqttSubscriber(broker.url())) {
      subscriber.awaitEach(ids, 1, WAIT);
      Awaits.until(
          "every delivery recorded",
          WAIT,
          () -> Optional.of(status(app, commandId)).filter(s -> s.delivered() == 50));
    }
  }

  @Test
  void aDeviceDeletedBeforeItsDeliveryNeverReceivesTheCommand() {
    broker.stop(); // hold every delivery back, attempted and pending
    String app = fixtures.application("deleted before delivery " + UUID.randomUUID());
    List<String> ids = devices(app, 10, "fleet", "held");
    String commandId = send(app, "wake", null, "fleet");
    Awaits.until(
        "an attempt while the broker is down",
        WAIT,
        () -> {
          CommandDeliveryStatus first =
              fixtures.owner().commands(app).deliveries(commandId, null, 0, 1).items().get(0);
          return first.attempts() >= 1 ? Optional.of(first) : Optional.empty();
        });
    List<String> deleted = ids.subList(0, 3);
    List<String> live = ids.subList(3, ids.size());
    for (String id : deleted) {
      owner.delete("/applications/" + app + "/devices/" + id).expect(200);
    }
    assertEquals(3, status(app, commandId).cancelled());

    broker.start();
    try (MqttSubscriber subscriber = new MqttSubscriber(broker.url())) {
      subscriber.awaitEach(live, 1, WAIT);
      CommandStatus settled =
          Awaits.until(
              "every delivery ended",
              WAIT,
              () -> Optional.of(status(app, commandId)).filter(s -> s.pending() == 0));
      assertEquals(7, settled.delivered(), settled.toString());
      assertEquals(3, settled.cancelled(), settled.toString());
      for (String id : deleted) {
        assertEquals(List.of(), subscriber.received(id), id);
      }
      CommandDeliveries cancelled =
          fixtures.owner().commands(app).deliveries(commandId, "cancelled", 0, 10);
      assertEquals(3, cancelled.items().size());
      cancelled.items().forEach(d -> assertEquals("device deleted", d.lastError(), d.toString()));
    }
  }

  @Test
  void aVendorTransportDroppedInAndRestartedDeliversItsDevices() throws IOException {
    broker.start();
    PluginArtifacts.FILELOG_TRANSPORT.installInto(server);
    server.stop();
    server.start();
    String app = fixtures.application("vendor transport " + UUID.randomUUID());
    List<String> byFile = devices(app, 3, "group", "v", "commandTransport", "filelog");
    List<String> byMqtt = devices(app, 2, "group", "v");
    try (MqttSubscriber subscriber = new MqttSubscriber(broker.url())) {
      String commandId = send(app, "hello", List.of(1), "group");
      subscriber.awaitEach(byMqtt, 1, WAIT);
      Awaits.until(
          "every delivery recorded",
          WAIT,
          () -> Optional.of(status(app, commandId)).filter(s -> s.delivered() == 5));
      for (String device : byFile) {
        assertTrue(
            subscriber.messages(device).isEmpty(),
            "the vendor transport's devices are not on MQTT");
      }
    }
    List<String> lines = Files.readAllLines(fileLog, StandardCharsets.UTF_8);
    assertEquals(
        byFile.stream().sorted().toList(),
        lines.stream().map(l -> l.split("\t")[0]).sorted().toList());
    assertTrue(lines.get(0).contains("\"name\":\"hello\""), lines.get(0));
  }

  @Test
  void aFanOutInterruptedBySigkillReachesEveryDeviceAfterTheRestart() {
    broker.start();
    String app = fixtures.application("kill fan-out " + UUID.randomUUID());
    List<String> ids = devices(app, 3000, "fleet", "big");
    try (MqttSubscriber subscriber = new MqttSubscriber(broker.url())) {
      String commandId = send(app, "update", null, "fleet");
      CommandStatus atKill =
          Awaits.until(
              "the fan-out to be under way",
              WAIT,
              () -> Optional.of(status(app, commandId)).filter(s -> s.delivered() >= 100));
      server.kill();
      assertTrue(atKill.delivered() < 3000, "killed in the middle: " + atKill);
      server.start();
      subscriber.awaitEach(ids, 1, WAIT);
      CommandStatus done =
          Awaits.until(
              "every delivery recorded",
              WAIT,
              () -> Optional.of(status(app, commandId)).filter(s -> s.pending() == 0));
      assertEquals(3000, done.delivered(), done.toString());
      assertEquals(
          ids.size(), ids.stream().filter(id -> !subscriber.messages(id).isEmpty()).count());
    }
  }
}
