package io.devices.benchmark;

import io.devices.it.LibertyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The load and soak run: {@code bench.load.clients} (50) concurrent clients, each a closed loop
 * over one kept-alive connection, for {@code bench.load.seconds} (60) mixing Get (70 %), Post (20
 * %) and Send Command (10 %) against one server of its own ({@code devicesLoadBench}) on a fresh
 * PostgreSQL database ({@code devices_load_bench}, dropped afterwards; H2 when PostgreSQL does not
 * answer) seeded with 10,000 devices. Bounded in time and in requests ({@code
 * bench.load.maxRequests}), loopback only. Reports throughput and p50/p99 per action; then checks
 * that no request got a 5xx or no answer, and that no acknowledged write is missing from the
 * database. Writes {@code load.json}; exits 1 when the run failed or a correctness check did not
 * hold (a missed performance target is reported, not a failure).
 */
public final class LoadBenchmark {
  private static final String MQTT_URL = "tcp://127.0.0.1:1883";

  private LoadBenchmark() {}

  public static void main(String[] args) {
    try {
      boolean correct = run();
      System.exit(correct ? 0 : 1);
    } catch (Exception | AssertionError e) {
      System.err.println("Load benchmark failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static boolean run() throws Exception {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    Path output = settings.output();
    Files.deleteIfExists(output);
    boolean mqtt = BenchDatabase.answers("127.0.0.1", 1883);
    System.out.println(
        mqtt
            ? "MQTT: the machine's broker at " + MQTT_URL
            : "MQTT: nothing answers at "
                + MQTT_URL
                + "; the run still works: deliveries stay queued and are retried");
    BenchDatabase database =
        BenchDatabase.pick(
            System.getProperty("bench.load.database", "devices_load_bench"),
            "h2".equals(System.getProperty("bench.load.db")));
    System.out.println("Database: " + database.description());
    LibertyServer server = server(settings, database);
    try {
      return LoadRun.execute(settings, server, database, mqtt);
    } finally {
      server.close();
      database.drop();
    }
  }

  private static LibertyServer server(LoadSettings settings, BenchDatabase database)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DEVICES_BOOTSTRAP_TOKEN", settings.token());
    env.put("DEVICES_MQTT_URL", MQTT_URL);
    if (database.postgres()) {
      env.put("DEVICES_DB_URL", database.url());
      env.put("DEVICES_DB_USER", database.user());
    }
    LibertyServer server =
        new LibertyServer(
            Path.of(System.getProperty("wlp.home")),
            "devicesLoadBench",
            settings.port(),
            settings.port() + 1,
            env);
    server.create();
    // For tuning experiments: JVM options of the server (one per line in jvm.options) and an
    // extra server.xml snippet in configDropins/overrides.
    String jvmOptions = System.getProperty("bench.load.jvmOptions", "");
    if (!jvmOptions.isBlank()) {
      Files.writeString(
          server.directory().resolve("jvm.options"),
          String.join("\n", jvmOptions.trim().split("\\s+")) + "\n");
    }
    String overrides = System.getProperty("bench.load.serverOverrides", "");
    if (!overrides.isBlank()) {
      Files.copy(
          Path.of(overrides), server.directory().resolve("configDropins/overrides/load.xml"));
    }
    return server;
  }
}
