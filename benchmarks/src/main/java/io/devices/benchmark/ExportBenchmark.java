package io.devices.benchmark;

import com.sun.net.httpserver.HttpServer;
import io.devices.api.ApplicationPost;
import io.devices.api.client.ExportOptions;
import io.devices.core.device.SqlStatement;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.export.DeviceChunks;
import io.devices.it.LibertyServer;
import io.devices.it.TestClients;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The export benchmark: a server of its own with its heap capped at 512 MB exports an application
 * of 1,000,000 devices (3 tags, 2 attributes each) to csv, delivered by callback. It reports the
 * wall time from request to callback, devices per second and the server's peak heap, then, with the
 * server stopped, reads the same rows with the same chunked SQL over JDBC into a discarding sink
 * (the floor) in this JVM, and prints the ratio. Writes {@code export.json}.
 */
public final class ExportBenchmark {
  private static final double DEVICES_PER_SECOND_TARGET = 50_000;
  private static final double RATIO_TARGET = 2;
  private static final double HEAP_TARGET_MB = 512;

  private ExportBenchmark() {}

  public static void main(String[] args) {
    try {
      run();
      System.exit(0);
    } catch (Exception | AssertionError e) {
      System.err.println("Export benchmark failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    int devices = Integer.getInteger("bench.export.devices", 1_000_000);
    int runs = Integer.getInteger("bench.export.runs", 3);
    int port = Integer.getInteger("bench.export.port", 9282);
    String token = System.getProperty("it.owner.token");
    Path output =
        Path.of(System.getProperty("bench.export.output", "target/benchmarks/export.json"));
    Files.deleteIfExists(output);

    LibertyServer server =
        new LibertyServer(
            Path.of(System.getProperty("wlp.home")),
            "devicesExportBench",
            port,
            port + 1,
            Map.of(
                "DEVICES_BOOTSTRAP_TOKEN", token,
                "DEVICES_EXPORT_CALLBACK_ALLOW_PRIVATE_NETWORKS", "true",
                "DEVICES_SMTP_PORT", "9"));
    server.create();
    // The heap cap of the benchmark: the export must complete within it.
    Files.writeString(server.directory().resolve("jvm.options"), "-Xmx512m\n");
    String jdbcUrl =
        "jdbc:h2:" + server.directory().resolve("data/devices") + ";OPTIMIZE_REUSE_RESULTS=0";
    HttpServer callbacks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    BlockingQueue<String> received = new ArrayBlockingQueue<>(16);
    callbacks.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    callbacks.start();
    Report report = new Report();
    try {
      // First start: the migrations create the schema and the API the application.
      server.start();
      String app =
          TestClients.at(server.baseUrl(), token)
              .applications()
              .create(new ApplicationPost("export bench", null, null))
              .id();
      server.stop();

      long seedStart = System.nanoTime();
      FleetSeeder.seed(jdbcUrl, app, devices);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      System.out.printf(Locale.ROOT, "Seeded %,d devices in %.1f s (SQL)%n", devices, seedSeconds);

      server.start();
      List<Double> seconds = new ArrayList<>();
      double peakHeapMb = 0;
      String callbackUrl = "http://127.0.0.1:" + callbacks.getAddress().getPort() + "/export-done";
      try (HeapSampler heap = new HeapSampler(server.process().orElseThrow().pid())) {
        for (int run = 1; run <= runs; run++) {
          long start = System.nanoTime();
          String exportId =
              TestClients.at(server.baseUrl(), token)
                  .devices(app)
                  .export(ExportOptions.byCallback(callbackUrl))
                  .exportId();
          String callback = received.poll(10, TimeUnit.MINUTES);
          double elapsed = (System.nanoTime() - start) / 1e9;
          if (callback == null
              || !callback.contains(exportId)
              || !callback.contains("\"success\":true")) {
            throw new IllegalStateException("export " + exportId + " did not succeed: " + callback);
          }
          if (!callback.contains("\"deviceCount\":" + devices)) {
            throw new IllegalStateException("wrong device count: " + callback);
          }
          seconds.add(elapsed);
          System.out.printf(
              Locale.ROOT,
              "Export run %d: %.2f s request to callback (%,.0f devices/s)%n",
              run,
              elapsed,
              devices / elapsed);
        }
        peakHeapMb = heap.peakMb();
        System.out.printf(
            Locale.ROOT,
            "Server peak heap %.0f MB (%d jstat samples)%n",
            peakHeapMb,
            heap.samples());
      }
      server.stop();

      List<Double> floor = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        long rows = readAll(jdbcUrl, app, 2000);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (rows != devices) {
          throw new IllegalStateException("the floor read " + rows + " rows");
        }
        floor.add(elapsed);
        System.out.printf(Locale.ROOT, "JDBC floor run %d: %.2f s%n", run, elapsed);
      }

      double exportSeconds = median(seconds);
      double floorSeconds = median(floor);
      double perSecond = devices / exportSeconds;
      double ratio = exportSeconds / floorSeconds;
      report.put("devices", devices);
      report.put("runs", runs);
      report.put("seed_seconds", round(seedSeconds));
      report.put("export_seconds", round(exportSeconds));
      report.put("export_devices_per_second", Math.round(perSecond));
      report.put("export_peak_heap_mb", Math.round(peakHeapMb));
      report.put("server_max_heap_mb", 512);
      report.put("jdbc_floor_seconds", round(floorSeconds));
      report.put("ratio_export_to_jdbc", round(ratio));
      report.target(perSecond >= DEVICES_PER_SECOND_TARGET);
      report.target(ratio <= RATIO_TARGET);
      report.target(peakHeapMb <= HEAP_TARGET_MB);
      System.out.printf(
          Locale.ROOT,
          "%nExport of %,d devices (median of %d runs)%n"
              + "  request to callback  %8.2f s%n"
              + "  devices per second   %,8.0f   target >= %,.0f%n"
              + "  JDBC floor           %8.2f s%n"
              + "  ratio export/floor   %8.2f   target <= %.0f%n"
              + "  server peak heap     %8.0f MB target <= %.0f (cap -Xmx512m)%n",
          devices,
          runs,
          exportSeconds,
          perSecond,
          DEVICES_PER_SECOND_TARGET,
          floorSeconds,
          ratio,
          RATIO_TARGET,
          peakHeapMb,
          HEAP_TARGET_MB);
      report.write(output);
      System.out.println("Wrote " + output.toAbsolutePath());
    } finally {
      callbacks.stop(0);
      server.close();
    }
  }

  /** The floor: the export's own chunked query, every column read, nothing kept. */
  private static long readAll(String jdbcUrl, String app, int chunk) throws Exception {
    long rows = 0;
    long sink = 0;
    String after = "";
    SqlStatement statement = DeviceChunks.chunk(app, DeviceQuery.everything(), Instant.now());
    List<Object> parameters = statement.parameters();
    try (Connection db = DriverManager.getConnection(jdbcUrl, "devices", "");
        PreparedStatement select = db.prepareStatement(statement.sql())) {
      while (true) {
        // Bound as the export binds them (DeviceChunks.forEach): the statement's, then the chunk's.
        for (int i = 0; i < parameters.size(); i++) {
          select.setObject(i + 1, parameters.get(i));
        }
        select.setString(parameters.size() + 1, after);
        select.setInt(parameters.size() + 2, chunk);
        int inChunk = 0;
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            after = row.getString(1);
            sink += after.length() + row.getString(2).length() + row.getString(3).length();
            sink += row.getString(4).length() + (row.getString(5) == null ? 0 : 1);
            sink += row.getLong(6) + row.getLong(7);
            sink += row.getString(8).length() + row.getString(9).length();
            inChunk++;
          }
        }
        rows += inChunk;
        if (inChunk < chunk) {
          break;
        }
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the reads from being optimised away
    }
    return rows;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
