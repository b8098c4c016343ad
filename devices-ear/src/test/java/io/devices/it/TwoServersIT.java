package io.devices.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.testsupport.mqtt.MqttSubscriber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Liberty servers on one PostgreSQL database, one MQTT broker and one export directory, as
 * behind a load balancer (PostgreSQL only: the postgres profile runs it). A round of work is split
 * across both servers and sent concurrently: devices created, commands sent, exports started. In
 * another round one server is killed (SIGKILL): the other must finish everything either had
 * acknowledged. Each round has an application of its own.
 */
class TwoServersIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String OWNER_TOKEN = System.getProperty("it.owner.token");

  /** One database and one export directory for both servers. */
  private static final Map<String, String> sharedDatabase =
      TestDatabase.sharedDatabase("twoservers");

  private static final String databaseUrl = sharedDatabase.get("DEVICES_DB_URL");
  private static final Path exportDirectory = temporaryDirectory();

  @RegisterExtension
  static final OwnServer firstServer =
      OwnServer.named("devicesTwoA")
          .slot(3)
          .environment(TwoServersIT::environment)
          .startedByTheTest();

  @RegisterExtension
  static final OwnServer secondServer =
      OwnServer.named("devicesTwoB")
          .slot(4)
          .environment(TwoServersIT::environment)
          .startedByTheTest();

  private static LibertyServer first;
  private static LibertyServer second;
  private static CallbackReceiver callbacks;
  private static MqttSubscriber subscriber;

  private static ServerEnvironment environment() {
    return ServerEnvironment.owner()
        .setAll(sharedDatabase)
        .mqttBroker(TestBroker.url())
        .set("DEVICES_EXPORT_DIR", exportDirectory.toString())
        .set("DEVICES_EXPORT_CALLBACK_ALLOW_PRIVATE_NETWORKS", "true")
        .set("DEVICES_EXPORT_CALLBACK_BACKOFF", "PT0.2S")
        // Short leases and polls: the survivor takes over a killed server's work within seconds.
        .exportWorkers(Duration.ofSeconds(6))
        .set("DEVICES_EXPORT_RETRY_DELAY", "PT0.5S")
        .commandWorkers(Duration.ofSeconds(5))
        .set("DEVICES_COMMAND_RETRY_DELAY", "PT0.5S");
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("two-servers-exports");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void startTwoServersOnOneDatabase() throws Exception {
    TestBroker.ensureRunning();
    first = firstServer.server();
    second = secondServer.server();
    // At the same time: both migrate the schema and store the link key on first start.
    ExecutorService starting = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = starting.submit(first::start);
      Future<?> b = starting.submit(second::start);
      a.get();
      b.get();
    } finally {
      starting.shutdownNow();
    }
    callbacks = new CallbackReceiver();
    subscriber = new MqttSubscriber(TestBroker.url());
  }

  /** Each test starts with both servers up (another may have killed one). */
  @BeforeEach
  void bothServersRun() {
    for (LibertyServer server : List.of(first, second)) {
      if (!server.isRunning()) {
        server.start();
      }
    }
  }

  @AfterAll
  static void stopTheReceivers() {
    for (AutoCloseable closeable : new AutoCloseable[] {subscriber, callbacks}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        System.err.println("TwoServersIT: closing " + closeable + " failed: " + e);
      }
    }
  }

  @Test
  void workSplitAcrossBothServersIsDoneOnceAndCompletely() throws Exception {
    Round round = new Round("round1", 2000, 200, 20);
    round.run(List.of(api(first), api(second)), completed -> {});
    assertTrue(round.failures.isEmpty(), "every request answered: " + round.failures);
    round.verify(api(second), true);
    // Each server serves each export's file: they share the export directory.
    for (String link : round.links) {
      for (LibertyServer server : List.of(first, second)) {
        assertEquals(200, Exports.download(server.baseUrl() + link).status(), link);
      }
    }
  }

  @Test
  void whenOneServerIsKilledTheOtherFinishesEverythingAcknowledged() throws Exception {
    Round round = new Round("round2", 1000, 100, 10);
    int killAfter = round.tasks() / 4;
    round.run(
        List.of(api(first), api(second)),
        completed -> {
          if (completed == killAfter) {
            first.kill();
          }
        });
    assertTrue(!first.isRunning(), "the first server was killed during the round");
    assertTrue(
        round.failures.stream().allMatch(failure -> failure.startsWith(first.baseUrl())),
        "only requests to the killed server failed: " + round.failures);
    round.verify(api(second), false);
  }

  private static Api api(LibertyServer server) {
    return new Api(server.baseUrl(), OWNER_TOKEN);
  }

  /** One round of work: devices, commands (each to a tag group) and exports, shuffled. */
  private static final class Round {
    private final String name;
    private final int devices;
    private final int commands;
    private final int exports;
    private String app;
    final Set<String> deviceIds = ConcurrentHashMap.newKeySet();
    final Map<String, String> commandIds = new ConcurrentHashMap<>(); // id -> command name
    final Set<String> exportIds = ConcurrentHashMap.newKeySet();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<String> links = new ArrayList<>();
    final Map<String, AtomicInteger> acknowledgedBy = new ConcurrentHashMap<>();
    final AtomicInteger completed = new AtomicInteger();

    Round(String name, int devices, int commands, int exports) {
      this.name = name;
      this.devices = devices;
      this.commands = commands;
      this.exports = exports;
    }

    int tasks() {
      return devices + commands + exports;
    }

    /**
     * Sends the round's requests from 16 threads, alternating between the servers; {@code
     * afterEach} gets the number of requests answered so far after each one (the kill hook).
     */
    void run(List<Api> servers, IntConsumer afterEach) throws Exception {
      app = new Fixtures(servers.get(0)).application(name);
      List<Runnable> work = new ArrayList<>();
      for (int i = 0; i < devices; i++) {
        int n = i;
        work.add(() -> createDevice(servers.get(n % 2), n));
      }
      for (int i = 0; i < commands; i++) {
        int n = i;
        work.add(() -> sendCommand(servers.get(n % 2), n));
      }
      for (int i = 0; i < exports; i++) {
        int n = i;
        work.add(() -> startExport(servers.get(n % 2), n));
      }
      Collections.shuffle(work, new Random(42));
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (Runnable task : work) {
          done.add(
              clients.submit(
                  () -> {
                    task.run();
                    afterEach.accept(completed.incrementAndGet());
                  }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        clients.shutdown();
        assertTrue(clients.awaitTermination(1, TimeUnit.MINUTES));
      }
    }

    private void createDevice(Api server, int n) {
      String body =
          "{\"name\":\""
              + name
              + "-d"
              + n
              + "\",\"tags\":[{\"key\":\"group\",\"value\":\"g"
              + (n % commands)
              + "\"}]}";
      acknowledged(server, "/devices", () -> server.post("/applications/" + app + "/devices", body))
          .ifPresent(response -> deviceIds.add(response.object().getString("id")));
    }

    private void sendCommand(Api server, int n) {
      String command = name + "-c" + n;
      String body =
          "{\"name\":\""
              + command
              + "\",\"payload\":{\"n\":"
              + n
              + "},\"deviceTags\":[{\"key\":\"group\",\"value\":\"g"
              + n
              + "\"}]}";
      acknowledged(
              server,
              "/devices/command",
              () -> server.post("/applications/" + app + "/devices/command", body))
          .ifPresent(response -> commandIds.put(response.object().getString("commandId"), command));
    }

    private void startExport(Api server, int n) {
      String path = Exports.exportPath(app, Map.of("callbackUrl", callbacks.url(name + "-e" + n)));
      acknowledged(server, "/devices/export", () -> server.post(path, null))
          .ifPresent(response -> exportIds.add(response.object().getString("exportId")));
    }

    /** The response when the server acknowledged the request; a 5xx fails the test. */
    private Optional<ApiResponse> acknowledged(
        Api server, String what, Supplier<ApiResponse> request) {
      try {
        ApiResponse response = request.get();
        assertTrue(response.status() < 500, what + " answered " + response);
        if (response.status() / 100 == 2) {
          acknowledgedBy
              .computeIfAbsent(server.baseUrl(), url -> new AtomicInteger())
              .incrementAndGet();
          return Optional.of(response);
        }
        failures.add(server.baseUrl() + " " + what + " " + response.status());
      } catch (RuntimeException e) {
        failures.add(server.baseUrl() + " " + what + " " + e);
      }
      return Optional.empty();
    }

    /**
     * Everything acknowledged is done, through {@code survivor}: each device exists once, each
     * command reached each of its devices, each export succeeded and called back once. With {@code
     * noRestarts}, no export needed a second attempt: a job runs only under the lease its attempt's
     * claim took, so one attempt and one callback mean it ran on one server only.
     */
    void verify(Api survivor, boolean noRestarts) throws SQLException {
      verifyDevices();
      int deliveries = 0;
      for (Map.Entry<String, String> command : commandIds.entrySet()) {
        deliveries += verifyCommand(survivor, command.getKey(), command.getValue());
      }
      int retried = 0;
      for (String exportId : exportIds) {
        JsonObject callback = callbacks.await(exportId, WAIT);
        assertTrue(callback.getBoolean("success"), callback.toString());
        JsonObject status =
            survivor
                .get("/applications/" + app + "/devices/exports/" + exportId)
                .expect(200)
                .object();
        assertEquals("succeeded", status.getString("state"), status.toString());
        if (noRestarts) {
          assertEquals(1, status.getInt("attempts"), status.toString());
        }
        retried += status.getInt("attempts") > 1 ? 1 : 0;
        URI link = URI.create(callback.getString("url"));
        links.add(link.getRawPath() + "?" + link.getRawQuery());
      }
      System.out.printf(
          "TwoServersIT %s: acknowledged %d devices, %d commands (%d deliveries, all at the"
              + " broker), %d exports (%d needed a second attempt); %d requests refused;"
              + " acknowledged by server: %s%n",
          name,
          deviceIds.size(),
          commandIds.size(),
          deliveries,
          exportIds.size(),
          retried,
          failures.size(),
          acknowledgedBy);
      if (noRestarts) {
        // After a kill a callback may come twice (at least once): the killed server may have
        // sent it without recording that it did.
        for (String exportId : exportIds) {
          assertEquals(1, callbacks.countFor(exportId), "one callback for " + exportId);
        }
      }
    }

    private void verifyDevices() throws SQLException {
      Set<String> stored = new HashSet<>();
      Set<String> names = new HashSet<>();
      try (Connection db =
              DriverManager.getConnection(
                  databaseUrl, TestDatabase.user(), TestDatabase.password());
          PreparedStatement select =
              db.prepareStatement("SELECT id, name FROM device WHERE application_id = ?")) {
        select.setString(1, app);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            stored.add(rows.getString(1));
            assertTrue(names.add(rows.getString(2)), "one device named " + rows.getString(2));
          }
        }
      }
      assertTrue(stored.containsAll(deviceIds), "every acknowledged device is stored");
      assertTrue(stored.size() <= devices, stored.size() + " devices stored");
    }

    /**
     * @return the command's deliveries
     */
    private int verifyCommand(Api survivor, String commandId, String commandName) {
      String base = "/applications/" + app + "/devices/commands/" + commandId;
      JsonObject status =
          Awaits.until(
              "command " + commandName + " delivered",
              WAIT,
              () ->
                  Optional.of(survivor.get(base).expect(200).object())
                      .filter(s -> s.getInt("pending") == 0));
      assertEquals(0, status.getInt("failed"), status.toString());
      assertEquals(status.getInt("targeted"), status.getInt("delivered"), status.toString());
      List<String> targets =
          survivor
              .get(base + "/deliveries?perPage=1000")
              .expect(200)
              .object()
              .getJsonArray("items")
              .stream()
              .map(JsonValue::asJsonObject)
              .map(delivery -> delivery.getString("deviceId"))
              .toList();
      assertEquals(status.getInt("targeted"), targets.size());
      for (String deviceId : targets) {
        Awaits.until(
            "device " + deviceId + " to receive " + commandName,
            WAIT,
            () ->
                Optional.of(true)
                    .filter(
                        x ->
                            subscriber.messages(deviceId).stream()
                                .anyMatch(m -> commandName.equals(m.getString("name", null)))));
      }
      return targets.size();
    }
  }
}
