package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.api.ExportStatus;
import io.devices.api.client.ExportOptions;
import io.devices.testplugins.unlicensed.UnlicensedFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What needs a server of its own, with the production defaults except short export timings: vendor
 * format plugins dropped into the plugins directory (no EAR rebuild), the SSRF guard with its
 * default (private networks refused), link expiry and clean-up, and an export that survives a
 * SIGKILL of the server in the middle of writing its file.
 */
class VendorPluginsAndRecoveryIT {
  private static final String SERVER_NAME = "devicesExportIT";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static LibertyServer server;
  private static Api owner;
  private static Exports exports;

  @RegisterExtension
  static final OwnServer own =
      OwnServer.named(SERVER_NAME)
          .environment(
              () ->
                  ServerEnvironment.owner()
                      // Nobody listens there: email deliveries just wait for their retries.
                      .set("DEVICES_SMTP_HOST", "127.0.0.1")
                      .set("DEVICES_SMTP_PORT", "9")
                      .exportWorkers(Duration.ofSeconds(3))
                      // Chunks of 100: an export walks the fleet in many queries, so devices
                      // deleted while it runs are deleted between its chunks.
                      .set("DEVICES_EXPORT_CHUNK_SIZE", "100")
                      .set("DEVICES_EXPORT_LINK_LIFETIME", "PT8S")
                      .set("DEVICES_EXPORT_CLEANUP_INTERVAL", "PT1S")
                      // Slow enough to kill the server in the middle of an export.
                      .set("DEVICES_EXPORT_SLOW_MILLIS_PER_DEVICE", "4"))
          .beforeStart(VendorPluginsAndRecoveryIT::installPlugins);

  /** A slow format, a plugin that refuses to start and a jar whose class is missing. */
  private static void installPlugins(LibertyServer server) {
    PluginArtifacts.SLOW_FORMAT.installInto(server);
    PluginArtifacts.UNLICENSED_FORMAT.installInto(server);
    PluginArtifacts.BROKEN.installInto(server);
  }

  @BeforeAll
  static void connect() {
    server = own.server();
    owner = new Api(server.baseUrl(), System.getProperty("it.owner.token"));
    exports = new Exports(owner);
  }

  /** An application of the calling test's own. */
  private static String application(String name) {
    return new Fixtures(owner).application(name + " " + UUID.randomUUID());
  }

  @Test
  void aFormatDroppedInAndRestartedIsOfferedAndUsedWhileBrokenOnesAreSkipped() {
    String app = application("vendor fleet");
    assertTrue(installedFormats(app).endsWith("csv, json, ndjson, slow"), installedFormats(app));
    String log = server.logTail(2000);
    assertTrue(log.contains(PluginArtifacts.MISSING_CLASS), "the broken jar is logged");
    assertTrue(log.contains(UnlicensedFormat.REFUSAL), "the refusing plugin is logged");
    Metrics metrics = Metrics.scrape(new Api(server.baseUrl(), null));
    assertEquals(
        2,
        metrics.sum("devices_plugins_load_failures", Map.of("kind", "exportFormat")),
        () -> "the broken and the refusing plugin on /metrics:\n" + metrics.show("devices_"));

    // A vendor drops a jar into the plugins directory and restarts the server: no EAR rebuild.
    PluginArtifacts.TSV_FORMAT.installInto(server);
    server.stop();
    server.start();
    assertTrue(
        installedFormats(app).endsWith("csv, json, ndjson, slow, tsv"), installedFormats(app));

    Fixtures fixtures = new Fixtures(owner);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(fixtures.namedDevice(app, "vendor device " + i).id());
    }
    String exportId = exports.start(app, ExportOptions.byEmail("a@it.example").withFormat("tsv"));
    ExportStatus status = exports.awaitState(app, exportId, "succeeded", WAIT);
    String tsv = Exports.downloadText(status.url(), "text/tab-separated-values");
    List<String> lines = tsv.lines().toList();
    assertTrue(lines.get(0).startsWith("# vendor fleet"), tsv);
    assertEquals(
        ids.stream().sorted().toList(),
        lines.subList(1, lines.size()).stream().map(l -> l.split("\t")[0]).toList());
  }

  /** The installed formats, as the answer to an unknown one lists them. */
  private static String installedFormats(String app) {
    return exports
        .request(app, Map.of("email", "a@it.example", "format", "nope"))
        .expectError(400, "Validation")
        .message();
  }

  @Test
  void callbacksToPrivateNetworksAreRefusedByDefault() {
    String app = application("private callbacks");
    for (String url :
        List.of(
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://10.1.2.3/hook",
            "http://172.16.0.1/hook",
            "http://192.168.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/hook",
            "http://[::1]/hook",
            "http://[fd00::1]/hook",
            "http://[::ffff:127.0.0.1]/hook")) {
      String message =
          exports.request(app, Map.of("callbackUrl", url)).expectError(400, "Validation").message();
      assertTrue(message.contains("callbackUrl"), url + " -> " + message);
    }
  }

  @Test
  void aLinkStopsWorkingWhenItExpiresAndItsFileIsDeleted() throws Exception {
    String app = application("expiring link");
    String exportId = exports.start(app, ExportOptions.byEmail("a@it.example"));
    ExportStatus status = exports.awaitState(app, exportId, "succeeded", WAIT);
    String url = status.url();
    assertEquals(200, Exports.download(url).status());
    Path file = server.directory().resolve("exports").resolve(exportId + ".csv");
    assertTrue(Files.exists(file), file + " exists while the link works");

    Instant expiry = Instant.parse(status.expiresAt());
    Awaits.until(
        "the link to expire",
        WAIT,
        () -> Optional.of(Instant.now()).filter(now -> now.isAfter(expiry.plusMillis(500))));
    ApiResponse expired = Exports.download(url);
    assertEquals(404, expired.status());
    assertTrue(expired.body().contains("\"NotFound\""));
    assertFalse(
        owner
            .get("/applications/" + app + "/devices/exports/" + exportId)
            .expect(200)
            .object()
            .containsKey("url"),
        "no link after expiry");
    Awaits.until(
        "the clean-up to delete " + file,
        WAIT,
        () -> Optional.of(file).filter(f -> !Files.exists(f)));
  }

  @Test
  void anExportInterruptedBySigkillCompletesAfterTheRestart() throws Exception {
    String fleet = new Fixtures(owner).application("kill fleet " + UUID.randomUUID());
    Set<String> ids = new HashSet<>();
    Fixtures fixtures = new Fixtures(owner);
    for (int i = 0; i < 1500; i++) {
      ids.add(fixtures.namedDevice(fleet, "k" + i).id());
    }
    String exportId =
        exports.start(fleet, ExportOptions.byEmail("a@it.example").withFormat("slow"));
    exports.awaitState(fleet, exportId, "running", WAIT);
    Thread.sleep(1500); // a few hundred devices into the file
    server.kill();
    server.start();

    ExportStatus status = exports.awaitState(fleet, exportId, "succeeded", WAIT);
    assertEquals(2, status.attempts(), status.toString());
    assertEquals(1500, status.deviceCount());
    List<String> exported = Exports.downloadText(status.url(), "text/plain").lines().toList();
    assertEquals(1500, exported.size());
    assertEquals(ids, new HashSet<>(exported), "every device exactly once");

    Path directory = server.directory().resolve("exports");
    Awaits.until(
        "the crashed attempt's partial file to be swept",
        WAIT,
        () -> Optional.of(directory).filter(d -> partials(d) == 0));
  }

  @Test
  void anExportRunningWhileDevicesAreDeletedHoldsTheFleetOfItsSnapshot() throws Exception {
    Fixtures fixtures = new Fixtures(owner);
    String fleet = fixtures.application("deleted while exported " + UUID.randomUUID());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      ids.add(fixtures.namedDevice(fleet, "s" + i).id());
    }
    String exportId =
        exports.start(fleet, ExportOptions.byEmail("a@it.example").withFormat("slow"));
    exports.awaitState(fleet, exportId, "running", WAIT);
    Thread.sleep(300); // the first chunks are written; the last ones are not read yet
    List<String> deleted = ids.subList(1050, 1200); // the highest ids: read last, about 4 s in
    for (String id : deleted) {
      owner.delete("/applications/" + fleet + "/devices/" + id).expect(200);
    }
    String created = fixtures.namedDevice(fleet, "after the snapshot").id();

    ExportStatus status = exports.awaitState(fleet, exportId, "succeeded", WAIT);
    assertEquals(1, status.attempts(), "one walk: " + status);
    List<String> exported = Exports.downloadText(status.url(), "text/plain").lines().toList();
    assertEquals(1200, exported.size(), "each device once");
    assertEquals(new HashSet<>(ids), new HashSet<>(exported));
    assertTrue(!exported.contains(created), "a device created after the snapshot");

    String later = exports.start(fleet, ExportOptions.byEmail("a@it.example").withFormat("slow"));
    ExportStatus after = exports.awaitState(fleet, later, "succeeded", WAIT);
    List<String> live = Exports.downloadText(after.url(), "text/plain").lines().toList();
    Set<String> expected = new HashSet<>(ids.subList(0, 1050));
    expected.add(created);
    assertEquals(expected, new HashSet<>(live), "an export started later: the live devices");
  }

  private static long partials(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".part")).count();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
