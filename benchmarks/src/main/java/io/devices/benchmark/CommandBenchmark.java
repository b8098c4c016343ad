package io.devices.benchmark;

import io.devices.api.ApplicationPost;
import io.devices.it.Api;
import io.devices.it.LibertyServer;
import io.devices.it.TestClients;
import io.devices.testsupport.mqtt.EmbeddedBroker;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The Send Command benchmark: one command to 100,000 devices selected by a tag, through the running
 * server (its own Liberty, H2) and a real MQTT broker (the machine's Mosquitto on 127.0.0.1:1883
 * when it answers, else an embedded Moquette), with a subscriber counting messages. Reports the
 * time to the 200 and deliveries per second until the subscriber has all of them; in the same run,
 * the floor: a raw Paho publish loop of the same 100,000 messages to the same broker, timed the
 * same way. Writes {@code command.json}.
 */
public final class CommandBenchmark {
  private static final double ACCEPT_TARGET_MS = 1_500;
  private static final double RATE_TARGET = 10_000;
  private static final double RATIO_TARGET = 2;
  private static final Pattern ID =
      Pattern.compile("\"(?:id|commandId)\"\\s*:\\s*\"([0-9a-f]{24})\"");

  private CommandBenchmark() {}

  public static void main(String[] args) {
    try {
      run();
      System.exit(0);
    } catch (Exception | AssertionError e) {
      System.err.println("Command benchmark failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    int devices = Integer.getInteger("bench.command.devices", 100_000);
    int port = Integer.getInteger("bench.command.port", 9284);
    String token = System.getProperty("it.owner.token");
    Path output =
        Path.of(System.getProperty("bench.command.output", "target/benchmarks/command.json"));
    Files.deleteIfExists(output);

    Broker broker = Broker.pick();
    System.out.println("Broker: " + broker.description);
    // The machine's PostgreSQL (production's database, and the one a fan-out of 100,000 rows in
    // one transaction is meant for) unless -Dbench.command.db=h2.
    BenchDatabase database =
        BenchDatabase.pick(
            "devices_command_bench", "h2".equals(System.getProperty("bench.command.db")));
    System.out.println("Database: " + database.description());
    Map<String, String> env = new java.util.HashMap<>();
    env.put("DEVICES_BOOTSTRAP_TOKEN", token);
    env.put("DEVICES_MQTT_URL", broker.url);
    if (database.postgres()) {
      env.put("DEVICES_DB_URL", database.url());
      env.put("DEVICES_DB_USER", database.user());
    }
    // For experiments: more of the server's environment, as K=V,K=V.
    for (String pair : System.getProperty("bench.command.env", "").split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    LibertyServer server =
        new LibertyServer(
            Path.of(System.getProperty("wlp.home")), "devicesCommandBench", port, port + 1, env);
    server.create();
    // For experiments (a JFR recording, heap): the server's JVM options, added to its jvm.options.
    String jvmOptions = System.getProperty("bench.command.jvmOptions", "");
    if (!jvmOptions.isBlank()) {
      Files.writeString(
          server.directory().resolve("jvm.options"),
          String.join("\n", jvmOptions.trim().split("\\s+")) + "\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    String jdbcUrl =
        database.postgres()
            ? database.url()
            : "jdbc:h2:" + server.directory().resolve("data/devices");
    Report report = new Report();
    try {
      server.start();
      String app =
          TestClients.at(server.baseUrl(), token)
              .applications()
              .create(new ApplicationPost("command bench", null, null))
              .id();
      Api api = new Api(server.baseUrl(), token);
      server.stop();
      FleetSeeder.seed(jdbcUrl, database.user(), app, devices);
      server.start();
      awaitConnected(server.baseUrl());
      // Warm-up: one small command, so the figures are of a running server, not of its first
      // request (class loading, JIT, connection pool).
      api.post(
              "/applications/" + app + "/devices/command",
              "{\"name\":\"warm-up\",\"deviceIds\":[\"" + String.format("b0%022d", 1) + "\"]}")
          .expect(200);
      Thread.sleep(2000);

      // The server: one command to every device with a "floor" tag (all of them).
      double[] server_ =
          measure(
              broker.url,
              devices,
              () -> {
                long start = System.nanoTime();
                String body =
                    api.post(
                            "/applications/" + app + "/devices/command",
                            "{\"name\":\"bench\",\"payload\":{\"firmware\":\"1.2.3\"},\"deviceTags\":[{\"key\":\"floor\"}]}")
                        .expect(200)
                        .body();
                id(body);
                return (System.nanoTime() - start) / 1e6;
              });
      double acceptMs = server_[0];
      double serverSeconds = server_[1];
      server.stop();

      // The floor: the same number of messages published directly.
      double[] raw =
          measure(
              broker.url,
              devices,
              () -> {
                rawPublish(broker.url, devices);
                return 0;
              });
      double rawSeconds = raw[1];

      double rate = devices / serverSeconds;
      double ratio = serverSeconds / rawSeconds;
      report.put("broker", broker.description);
      report.put("database", database.description());
      report.put("devices", devices);
      report.put("command_accept_ms", Math.round(acceptMs));
      report.put("command_seconds", Math.round(serverSeconds * 100) / 100.0);
      report.put("command_deliveries_per_second", Math.round(rate));
      report.put("raw_publish_seconds", Math.round(rawSeconds * 100) / 100.0);
      report.put("raw_publish_per_second", Math.round(devices / rawSeconds));
      report.put("ratio_command_to_raw_publish", Math.round(ratio * 100) / 100.0);
      report.target(acceptMs <= ACCEPT_TARGET_MS);
      report.target(rate >= RATE_TARGET);
      report.target(ratio <= RATIO_TARGET);
      System.out.printf(
          Locale.ROOT,
          "%nSend Command to %,d devices (%s, %s)%n"
              + "  time to the 200              %8.0f ms   target <= %.0f%n"
              + "  request to last message      %8.2f s%n"
              + "  deliveries per second        %,8.0f      target >= %,.0f%n"
              + "  raw Paho publish loop        %8.2f s (%,.0f/s)%n"
              + "  ratio server / raw           %8.2f      target <= %.0f%n",
          devices,
          broker.description,
          database.description(),
          acceptMs,
          ACCEPT_TARGET_MS,
          serverSeconds,
          rate,
          RATE_TARGET,
          rawSeconds,
          devices / rawSeconds,
          ratio,
          RATIO_TARGET);
      report.write(output);
      System.out.println("Wrote " + output.toAbsolutePath());
    } finally {
      server.close();
      broker.close();
      database.drop();
    }
  }

  private interface Action {
    double run() throws Exception;
  }

  /**
   * Subscribes, runs the action, and waits until {@code expected} messages arrived.
   *
   * @return the action's own figure and the seconds from its start to the last message
   */
  private static double[] measure(String url, int expected, Action action) throws Exception {
    CountDownLatch all = new CountDownLatch(expected);
    AtomicLong last = new AtomicLong();
    MqttClient subscriber =
        new MqttClient(url, "bench-sub-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(65535);
    subscriber.connect(options);
    subscriber.subscribe(
        "losant/+/command",
        1,
        (topic, message) -> {
          last.set(System.nanoTime());
          all.countDown();
        });
    try {
      long start = System.nanoTime();
      double figure = action.run();
      if (!all.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            (expected - all.getCount()) + " of " + expected + " messages arrived");
      }
      return new double[] {figure, (last.get() - start) / 1e9};
    } finally {
      subscriber.disconnect();
      subscriber.close();
    }
  }

  private static void rawPublish(String url, int count) throws MqttException {
    MqttAsyncClient client =
        new MqttAsyncClient(url, "bench-raw-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(10_000);
    client.connect(options).waitForCompletion(10_000);
    byte[] payload =
        "{\"name\":\"bench\",\"payload\":{\"firmware\":\"1.2.3\"},\"time\":\"2026-11-27T10:00:00.000Z\"}"
            .getBytes(StandardCharsets.UTF_8);
    List<IMqttDeliveryToken> window = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String device = String.format("b0%022d", i + 1);
      while (true) {
        try {
          window.add(client.publish("losant/" + device + "/command", payload, 1, false));
          break;
        } catch (MqttException e) {
          if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
            throw e;
          }
          for (IMqttDeliveryToken token : window) {
            token.waitForCompletion(30_000);
          }
          window.clear();
        }
      }
    }
    for (IMqttDeliveryToken token : window) {
      token.waitForCompletion(30_000);
    }
    client.disconnect().waitForCompletion(10_000);
    client.close();
  }

  private static void awaitConnected(String baseUrl) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (Api.fetch(baseUrl + "/health/ready").body().contains("\"mqtt\":\"connected\"")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the server did not connect to the broker");
  }

  private static String id(String body) {
    Matcher id = ID.matcher(body);
    if (!id.find()) {
      throw new IllegalStateException("no id in " + body);
    }
    return id.group(1);
  }

  /**
   * A Mosquitto of the benchmark's own (the binary from Debian's package, when installed) on port
   * 9887 with unbounded client queues: the machine's default Mosquitto keeps at most 1,000 queued
   * messages per client and drops the rest, which a single counting subscriber of 100,000 messages
   * would hit. Without the binary, an embedded Moquette.
   */
  private static final class Broker implements AutoCloseable {
    private static final int PORT = Integer.getInteger("bench.command.mqttPort", 9887);
    final String url = "tcp://127.0.0.1:" + PORT;
    final String description;
    private final Process mosquitto;
    private final EmbeddedBroker embedded;

    private Broker(String description, Process mosquitto, EmbeddedBroker embedded) {
      this.description = description;
      this.mosquitto = mosquitto;
      this.embedded = embedded;
    }

    static Broker pick() throws Exception {
      Path binary = Path.of("/usr/sbin/mosquitto");
      if (Files.isExecutable(binary)) {
        Path config = Files.createTempFile("bench-mosquitto", ".conf");
        Files.writeString(
            config,
            "listener "
                + PORT
                + " 127.0.0.1\n"
                + "allow_anonymous true\n"
                + "persistence false\n"
                + "max_queued_messages 0\n"
                + "max_inflight_messages 0\n");
        Process process =
            new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
          try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            String version = "Mosquitto";
            return new Broker(version + " (" + binary + ", unbounded queues)", process, null);
          } catch (java.io.IOException e) {
            Thread.sleep(100);
          }
        }
        process.destroyForcibly();
        throw new IllegalStateException("mosquitto did not start on port " + PORT);
      }
      EmbeddedBroker server = new EmbeddedBroker(PORT).start();
      return new Broker("embedded Moquette 0.17", null, server);
    }

    @Override
    public void close() {
      if (mosquitto != null) {
        mosquitto.destroy();
      }
      if (embedded != null) {
        embedded.stop();
      }
    }
  }
}
