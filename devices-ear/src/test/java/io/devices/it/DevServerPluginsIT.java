package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server as a person runs it: {@code mvn liberty:run} from the root of a copy of the
 * repository's sources. A plugin jar dropped into that server's plugins directory is used after the
 * next {@code mvn liberty:run} (the issue a vendor met: the dev server skipped every vendor jar).
 * H2 run only: it builds the whole repository once more.
 */
class DevServerPluginsIT {
  private static final Duration BUILD_AND_START = Duration.ofMinutes(8);
  private static final Duration STOP = Duration.ofMinutes(2);

  /** The dev server's directory in the copy. */
  private static final String SERVER = "devices-ear/target/liberty/wlp/usr/servers/devices";

  private static final int SLOT = 3;

  @TempDir Path work;

  @Test
  void aJarDroppedIntoTheDevServersPluginsDirectoryIsUsedAfterTheNextLibertyRun()
      throws IOException, InterruptedException {
    Path copy = copyOfTheSources(work.resolve("repository"));
    Path pluginJar = Path.of(ServerEnvironment.required("it.plugin.jar"));
    String app;

    try (ServerProcess first = devServer(copy, "first-run.log")) {
      first.awaitReady(BUILD_AND_START);
      Api owner = new Api(first.baseUrl(), ServerEnvironment.required("it.owner.token"));
      app = new Fixtures(owner).application();
      String refused = failingExport(owner, app).expectError(400, "Validation").message();
      assertFalse(refused.contains("failing"), refused);

      Files.copy(
          pluginJar, copy.resolve(SERVER).resolve("plugins").resolve(pluginJar.getFileName()));
      first.stop(STOP);
    }

    try (ServerProcess second = devServer(copy, "second-run.log")) {
      second.awaitReady(BUILD_AND_START);
      Api owner = new Api(second.baseUrl(), ServerEnvironment.required("it.owner.token"));
      failingExport(owner, app).expect(200);
      String messages = Files.readString(copy.resolve(SERVER).resolve("logs/messages.log"));
      assertTrue(
          messages.contains("Started ExportFormat failing"),
          "the server names the plugin it started\n" + second.outputTail(60));
      second.stop(STOP);
    }
  }

  private static ApiResponse failingExport(Api owner, String app) {
    return owner.post(
        Exports.exportPath(app, Map.of("format", "failing", "email", "a@it.example")), null);
  }

  private ServerProcess devServer(Path copy, String log) {
    int port = OwnServer.httpPort(SLOT);
    List<String> command =
        MavenCommand.of(
            "-Dmaven.test.skip=true",
            "-Dspotless.apply.skip=true",
            "-Dspotless.check.skip=true",
            "-Dliberty.env.DEVICES_HTTP_PORT=" + port,
            "-Dliberty.env.DEVICES_HTTPS_PORT=" + (port + 1),
            "-Dliberty.env.DEVICES_BOOTSTRAP_TOKEN=" + ServerEnvironment.required("it.owner.token"),
            // No broker: commands are not what this test is about.
            "-Dliberty.env.DEVICES_MQTT_URL=tcp://127.0.0.1:1",
            "liberty:run");
    return ServerProcess.start(
        command, copy, Map.of(), work.resolve(log), "http://localhost:" + port);
  }

  /** The files git tracks, as they are in the working tree: what a person clones and builds. */
  private static Path copyOfTheSources(Path target) throws IOException, InterruptedException {
    Path root = Path.of(ServerEnvironment.required("repository.root")).toRealPath();
    Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).start();
    String files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(git.waitFor(60, TimeUnit.SECONDS), "git ls-files ended");
    assertEquals(0, git.exitValue(), "git ls-files in " + root);
    for (String file : files.split("\0")) {
      Path source = root.resolve(file);
      if (!file.isEmpty() && Files.isRegularFile(source)) {
        Path copied = target.resolve(file);
        Files.createDirectories(copied.getParent());
        Files.copy(source, copied);
      }
    }
    return target;
  }
}
