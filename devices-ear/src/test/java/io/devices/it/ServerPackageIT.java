package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.client.ExportOptions;
import io.devices.testsupport.net.FreePort;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server package as an operator runs it: {@code java -jar devices-server.jar}, configured by
 * environment variables alone, JSON logs on the console, a plugin dropped into its plugins
 * directory and used after a restart, the data kept, and SIGTERM as a clean stop that releases the
 * work it had claimed. H2 run only: the package's database is an H2 file of its own.
 */
class ServerPackageIT {
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration STOP = Duration.ofMinutes(1);
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int DEVICES = 30;

  /** The exit code of a JVM that ends on SIGTERM after running its shutdown hooks. */
  private static final int SIGTERM_EXIT = 143;

  @TempDir Path home;
  private CallbackReceiver callbacks;

  @BeforeEach
  void receiveCallbacks() {
    callbacks = new CallbackReceiver();
  }

  @AfterEach
  void stopTheReceiver() {
    callbacks.close();
  }

  @Test
  void runsFromTheJarKeepsItsDataLoadsDroppedPluginsAndStopsCleanlyOnSigterm()
      throws IOException, SQLException {
    Path plugins = Files.createDirectories(home.resolve("plugins"));
    // As the package's default: H2 must not close the database itself on SIGTERM.
    String databaseUrl =
        "jdbc:h2:" + home.resolve("db/devices") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    String app;
    String deviceId;

    try (ServerProcess first = start(databaseUrl, plugins, "first.log")) {
      Api owner = owner(first);
      Fixtures fixtures = new Fixtures(owner);
      app = fixtures.application("package");
      deviceId = fixtures.namedDevice(app, "d0", "fleet", "a").id();
      for (int i = 1; i < DEVICES; i++) {
        fixtures.namedDevice(app, "d" + i, "fleet", "a");
      }
      assertEquals(DEVICES, deviceCount(owner, app));
      Exports exports = new Exports(owner);
      String csv = exports.start(app, ExportOptions.byCallback(callbacks.url("csv")));
      JsonObject delivered = callbacks.await(csv, WAIT);
      assertEquals(true, delivered.getBoolean("success", false), delivered.toString());
      slowExport(owner, app).expectError(400, "Validation");
      assertJsonLines(first.output());

      PluginArtifacts.SLOW_FORMAT.installInto(plugins);
      assertEquals(SIGTERM_EXIT, first.stop(STOP), first.outputTail(20));
    }

    String exportId;
    try (ServerProcess second = start(databaseUrl, plugins, "second.log")) {
      Api owner = owner(second);
      owner.get("/applications/" + app + "/devices/" + deviceId).expect(200);
      assertEquals(DEVICES, deviceCount(owner, app), "the data survived the restart");
      assertTrue(second.output().contains("Started ExportFormat slow"), second.outputTail(40));
      exportId = slowExport(owner, app).expect(200).object().getString("exportId");
      Exports exports = new Exports(owner);
      exports.awaitState(app, exportId, "running", WAIT);

      assertEquals(SIGTERM_EXIT, second.stop(STOP), second.outputTail(20));
    }

    try (Connection db = DriverManager.getConnection(databaseUrl, "devices", "");
        Statement sql = db.createStatement();
        ResultSet job =
            sql.executeQuery(
                "SELECT state, lease_owner FROM export_job WHERE id = '" + exportId + "'")) {
      assertTrue(job.next(), "the export's row");
      assertEquals("queued", job.getString("state"), "the interrupted export is queued again");
      // It was running, claimed by the server: only the clean stop's release gives it back.
      assertEquals(null, job.getString("lease_owner"), "its claim released");
    }
  }

  private ServerProcess start(String databaseUrl, Path plugins, String log) {
    int port = FreePort.find();
    Path jar = Path.of(ServerEnvironment.required("it.package.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Map<String, String> environment =
        Map.of(
            "DEVICES_HTTP_PORT",
            Integer.toString(port),
            "DEVICES_HTTPS_PORT",
            Integer.toString(FreePort.find()),
            "DEVICES_DB_URL",
            databaseUrl,
            "DEVICES_BOOTSTRAP_TOKEN",
            ServerEnvironment.required("it.owner.token"),
            "DEVICES_PLUGINS_DIR",
            plugins.toString(),
            "DEVICES_EXPORT_CALLBACK_ALLOW_PRIVATE_NETWORKS",
            "true",
            "DEVICES_EXPORT_POLL_INTERVAL",
            "PT0.5S",
            "DEVICES_EXPORT_SLOW_MILLIS_PER_DEVICE",
            "200",
            "DEVICES_MQTT_URL",
            "tcp://127.0.0.1:1",
            // The extracted server, deleted when it ends, stays inside the test's directory.
            "WLP_JAR_EXTRACT_ROOT",
            home.resolve("extract").toString());
    return ServerProcess.start(
            List.of(java.toString(), "-Xshare:off", "-jar", jar.toString()),
            home,
            environment,
            home.resolve(log),
            "http://localhost:" + port)
        .awaitReady(START);
  }

  private static Api owner(ServerProcess server) {
    return new Api(server.baseUrl(), ServerEnvironment.required("it.owner.token"));
  }

  private static ApiResponse slowExport(Api owner, String app) {
    return owner.post(
        Exports.exportPath(app, Map.of("format", "slow", "email", "a@it.example")), null);
  }

  private static int deviceCount(Api owner, String app) {
    return owner
        .get("/applications/" + app + "/devices?perPage=1")
        .expect(200)
        .object()
        .getInt("totalCount");
  }

  /**
   * The server's console: JSON records, one a line, from the first record on. Before it, the jar's
   * launcher and Liberty's kernel print a few plain lines of their own (extracting, launching,
   * reading the configuration), before the logging configuration applies.
   */
  private static void assertJsonLines(String output) {
    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
    List<String> fromTheFirstRecord =
        lines.subList(
            lines.stream()
                .filter(ServerPackageIT::isJsonRecord)
                .findFirst()
                .map(lines::indexOf)
                .orElse(lines.size()),
            lines.size());
    assertTrue(fromTheFirstRecord.size() > 10, output);
    assertEquals(
        List.of(),
        fromTheFirstRecord.stream().filter(line -> !isJsonRecord(line)).toList(),
        "console lines that are not JSON records");
    assertTrue(lines.size() - fromTheFirstRecord.size() < 10, "a few launch lines only: " + output);
  }

  private static boolean isJsonRecord(String line) {
    return line.startsWith("{\"type\":\"liberty_") && line.endsWith("}");
  }
}
