package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clean start logs no warning: a server of its own, with the production configuration and a fresh
 * database, is started and left to run its first polls; then every line it wrote to messages.log
 * and console.log (the JVM's own output included) is read, and any warning, error or FFDC incident
 * fails the test, listed in full.
 */
class CleanStartIT {
  @RegisterExtension
  static final OwnServer own =
      OwnServer.named("devicesCleanStartIT")
          .slot(1)
          // The test broker (started for the run), so the MQTT transport connects at once.
          .environment(() -> ServerEnvironment.owner().set("DEVICES_MQTT_URL", mqttUrl()));

  private static LibertyServer server;

  @BeforeAll
  static void letItRunItsFirstPolls() throws InterruptedException {
    server = own.server();
    // Past the workers' first polls (every 1-2 s by default) and the transport's first connect.
    Thread.sleep(5_000);
  }

  private static String mqttUrl() {
    return ServerEnvironment.required("it.mqtt.url");
  }

  @Test
  void theStartLogsNoWarning() {
    List<String> warnings = LogLevels.warnings(logs("messages.log"));
    assertEquals(List.of(), warnings, "warnings in messages.log of a clean start");
  }

  @Test
  void theConsoleShowsNoWarning() {
    Path console = server.logsDirectory().resolve("console.log");
    assertTrue(Files.exists(console), "the server writes its console to " + console);
    List<String> warnings = LogLevels.warnings(logs("console.log"));
    assertEquals(List.of(), warnings, "warnings on the console of a clean start");
  }

  @Test
  void theStartRecordsNoFfdcIncident() {
    Path ffdc = server.logsDirectory().resolve("ffdc");
    List<String> incidents =
        Files.isDirectory(ffdc)
            ? ServerLogs.files(ffdc).stream().map(p -> p.getFileName().toString()).toList()
            : List.of();
    assertEquals(List.of(), incidents, "FFDC files (unexpected exceptions) of a clean start");
  }

  private static List<String> logs(String fileName) {
    Path file = server.logsDirectory().resolve(fileName);
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
