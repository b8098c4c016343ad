package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.ExportStatus;
import io.devices.api.client.ExportOptions;
import io.devices.testsupport.net.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server set up by hand on an Open Liberty installation, step by step as docs/operations.md ("An
 * Open Liberty of your own") says: {@code bin/server create}, the repository's server.xml, the JDBC
 * drivers, the EAR and its {@code enterpriseApplication} override, a vendor plugin in {@code
 * plugins/}, then {@code bin/server run}. The plugin is used: nothing was installed into Liberty's
 * own {@code lib/}. H2 run only: the server's database is its own H2 file.
 */
class HandBuiltServerIT {
  private static final String NAME = "devicesHandIT";
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration STOP = Duration.ofMinutes(1);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path work;

  @Test
  void aServerAssembledAsTheDocsSayLoadsThePluginsOfItsPluginsDirectory()
      throws IOException, InterruptedException {
    Path wlp = Path.of(ServerEnvironment.required("wlp.home"));
    Path server = createServer(wlp);
    Path repository = Path.of(ServerEnvironment.required("repository.root"));
    Path builtServer =
        wlp.resolve("usr/servers").resolve(ServerEnvironment.required("it.server.name"));

    Files.copy(
        repository.resolve("devices-ear/src/main/liberty/config/server.xml"),
        server.resolve("server.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    for (String directory : List.of("jdbc", "apps", "plugins", "configDropins/overrides")) {
      Files.createDirectories(server.resolve(directory));
    }
    for (String driver : List.of("h2.jar", "postgresql.jar")) {
      Files.copy(
          builtServer.resolve("jdbc").resolve(driver), server.resolve("jdbc").resolve(driver));
    }
    Files.copy(
        Path.of(ServerEnvironment.required("it.ear")), server.resolve("apps/devices-ear.ear"));
    Files.writeString(
        server.resolve("configDropins/overrides/application.xml"),
        "<server><enterpriseApplication location=\"devices-ear.ear\" name=\"devices\"/></server>\n");
    PluginArtifacts.TSV_FORMAT.installInto(server.resolve("plugins"));

    try (CallbackReceiver callbacks = new CallbackReceiver();
        ServerProcess running = run(wlp)) {
      Api owner = new Api(running.baseUrl(), ServerEnvironment.required("it.owner.token"));
      Fixtures fixtures = new Fixtures(owner);
      String app = fixtures.application("hand-built fleet");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(fixtures.namedDevice(app, "device " + i).id());
      }
      Exports exports = new Exports(owner);
      String exportId =
          exports.start(app, ExportOptions.byCallback(callbacks.url("tsv")).withFormat("tsv"));
      ExportStatus status = exports.awaitState(app, exportId, "succeeded", WAIT);
      List<String> lines =
          Exports.downloadText(status.url(), "text/tab-separated-values").lines().toList();
      assertTrue(lines.get(0).startsWith("# hand-built fleet"), lines.toString());
      assertEquals(
          ids.stream().sorted().toList(),
          lines.subList(1, lines.size()).stream().map(line -> line.split("\t")[0]).toList());
      String messages = Files.readString(server.resolve("logs/messages.log"));
      assertTrue(
          messages.contains("Started ExportFormat tsv"),
          "the server names the plugin it started\n" + running.outputTail(40));
      running.stop(STOP);
    }
  }

  /** {@code bin/server create}, on a fresh directory: a failed earlier run's server is removed. */
  private static Path createServer(Path wlp) throws IOException, InterruptedException {
    Path server = wlp.resolve("usr/servers").resolve(NAME);
    Directories.deleteRecursively(server);
    Process create =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "create", NAME)
            .redirectErrorStream(true)
            .start();
    String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(create.waitFor(2, TimeUnit.MINUTES), "bin/server create ended");
    assertEquals(0, create.exitValue(), output);
    return server;
  }

  private ServerProcess run(Path wlp) {
    int port = FreePort.find();
    Map<String, String> environment =
        Map.of(
            "JAVA_HOME",
            System.getProperty("java.home"),
            "DEVICES_HTTP_PORT",
            Integer.toString(port),
            "DEVICES_HTTPS_PORT",
            Integer.toString(FreePort.find()),
            "DEVICES_BOOTSTRAP_TOKEN",
            ServerEnvironment.required("it.owner.token"),
            "DEVICES_EXPORT_CALLBACK_ALLOW_PRIVATE_NETWORKS",
            "true",
            "DEVICES_EXPORT_POLL_INTERVAL",
            "PT0.5S",
            // No broker: commands are not what this test is about.
            "DEVICES_MQTT_URL",
            "tcp://127.0.0.1:1");
    return ServerProcess.start(
            List.of(wlp.resolve("bin/server").toString(), "run", NAME),
            work,
            environment,
            work.resolve("server.log"),
            "http://localhost:" + port)
        .awaitReady(START);
  }
}
