package io.devices.benchmark;

import io.devices.api.ApiTokenPost;
import io.devices.api.ApplicationPost;
import io.devices.api.client.DevicesClient;
import io.devices.it.Api;
import io.devices.it.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the Devices API against a running server over real HTTP (a program, not a test).
 *
 * <p>It seeds one application with 100,000 devices through the API (12 concurrent clients; three
 * tags and two attributes each, named {@code dev-00000}...), then measures with one client, after a
 * warm-up, the median and p99 latency of
 *
 * <ol type="a">
 *   <li>{@code GET perPage=100} sorted by name (pages 0..9, ascending and descending),
 *   <li>a deep page ({@code page=495..505&perPage=100}),
 *   <li>a name glob ({@code filter=dev-10*} .. {@code dev-19*}, 1,000 matches each),
 *   <li>a two-entry {@code tagFilter} (floor X or floor Y, rotating);
 * </ol>
 *
 * <p>then six advanced queries ({@link QueryCase}: a first page of 100 with {@code query=} JSON)
 * and Tag Keys and Tag Values ({@link MetadataCase}), and the throughput of (e) Device Post with 8
 * concurrent clients (5,000 creates into a second application) and (f) (a) with 16 concurrent
 * clients for 15 seconds. Parameters rotate between samples because H2 reuses the result of an
 * identical query while the tables are unchanged. Last, as it changes the fleet, the life cycle
 * ({@link LifeCycleBenchmark}): single-device Get and Patch, Patch with 8 clients, a {@code set
 * tag} job over the whole fleet and a delete job of its first half. {@code bench.query.skip=true}
 * leaves out everything before the life cycle, {@code bench.lifecycle.skip=true} the life cycle.
 *
 * <p>In the same run it times the SQL behind each latency over JDBC against the server's own H2
 * database ({@code AUTO_SERVER=TRUE} lets this second process in), the SQL text coming from the
 * core's {@code DeviceSql} so that it cannot drift from the server's, and prints the ratio API/SQL
 * (median over median). The figures go to stdout and to {@code
 * devices-ear/target/benchmarks/devices-api.json}; the plans of every kind of query condition
 * ({@link QueryPlans}) to {@code query-plans.txt} beside it, and to {@code
 * query-plans-postgres.txt} on a copy of the fleet in PostgreSQL when it answers.
 *
 * <p>Run everything (server created, started and stopped on port 9280, fresh database) with one
 * command from the repository root:
 *
 * <pre>mvn -B -Pbenchmark -DskipTests verify</pre>
 *
 * <p>Against a server of your own, run this class on the test classpath of devices-ear with the
 * system properties {@code bench.baseUrl}, {@code bench.token}, {@code bench.dbUrl} (the server's
 * H2 URL with {@code ;AUTO_SERVER=TRUE}), and optionally {@code bench.devices}, {@code
 * bench.samples}, {@code bench.output}. Exit status 0 when the run completed (targets met or not),
 * 1 when it failed.
 */
public final class DevicesApiBenchmark {
  private static final Duration SLOW_SEEDING = Duration.ofMinutes(2);

  private DevicesApiBenchmark() {}

  public static void main(String[] args) {
    Path output = Path.of(setting("bench.output", "target/benchmarks/devices-api.json"));
    try {
      run(output);
      System.exit(0);
    } catch (Exception | AssertionError e) {
      System.err.println("Benchmark failed: " + e);
      e.printStackTrace();
      setAside(output);
      System.exit(1);
    }
  }

  /**
   * Moves the figures of a run that failed part-way (written before its later cases) out of the
   * way, so that the build sees no figures and fails, and keeps them beside it.
   */
  private static void setAside(Path output) {
    try {
      if (Files.exists(output)) {
        Files.move(
            output,
            output.resolveSibling("devices-api-incomplete.json"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.err.println("Could not move " + output + ": " + e);
    }
  }

  private static void run(Path output) throws Exception {
    String baseUrl = setting("bench.baseUrl", "http://localhost:9280");
    String token = setting("bench.token", "bench-owner-token-not-a-secret");
    String dbUrl = setting("bench.dbUrl", null);
    int devices = Integer.parseInt(setting("bench.devices", "100000"));
    int samples = Integer.parseInt(setting("bench.samples", "200"));
    Files.deleteIfExists(output);

    waitUntilReady(baseUrl, Duration.ofMinutes(3));
    ApiClient api = new ApiClient(baseUrl, token);
    DevicesClient owner = TestClients.at(baseUrl, token);
    Report report = new Report();

    String main = application(owner, "bench-main");
    System.out.printf(Locale.ROOT, "Seeding %,d devices through the API...%n", devices);
    Instant createdFrom = Instant.now();
    Duration seeding =
        new Seeder(api, 12).seed(main, "dev-", devices, Duration.ofMinutes(30), true);
    Instant createdTo = Instant.now();
    double seedRate = devices / (seeding.toNanos() / 1e9);
    System.out.printf(
        Locale.ROOT,
        "Seeded %,d devices in %.1f s (%.0f creates/s, 12 clients)%s%n",
        devices,
        seeding.toNanos() / 1e9,
        seedRate,
        seeding.compareTo(SLOW_SEEDING) > 0 ? " -- SLOWER than the expected ~2 minutes" : "");
    report.put("devices", devices);
    report.put("seed_seconds", Math.round(seeding.toMillis() / 100.0) / 10.0);
    report.put("seed_per_second", Math.round(seedRate));

    String dbUser = setting("bench.dbUser", "devices");
    String dbPassword = setting("bench.dbPassword", "");
    if (!Boolean.parseBoolean(setting("bench.query.skip", "false"))) {
      measureQueries(
          reader(api, owner, baseUrl, main),
          api,
          owner,
          main,
          samples,
          createdFrom,
          createdTo,
          report);
      report.write(output);
      explainPlans(
          dbUrl, main, devices, createdFrom, createdTo, output.resolveSibling("query-plans"));
    }
    if (!Boolean.parseBoolean(setting("bench.lifecycle.skip", "false"))) {
      try (DeviceFloor floor = new DeviceFloor(dbUrl, dbUser, dbPassword)) {
        new LifeCycleBenchmark(api, main, samples).run(floor, report);
      }
    }
    report.write(output);
    System.out.println();
    System.out.println("Devices API benchmark (latencies in ms; sql = same SQL over JDBC)");
    System.out.print(report.table());
    System.out.println("Figures written to " + output.toAbsolutePath());
  }

  /**
   * Who reads in (a)-(d), (q1)-(q6), (m1)-(m4) and (f): the owner, or with {@code
   * bench.apiToken=true} an application API token of {@code main} (scope {@code all.Application}),
   * which the server looks up by hash in its database (or its token cache) where the owner token is
   * checked in memory. Seeding and (e) stay with the owner.
   */
  private static ApiClient reader(
      ApiClient owner, DevicesClient typed, String baseUrl, String main) {
    if (!Boolean.parseBoolean(setting("bench.apiToken", "false"))) {
      return owner;
    }
    String secret =
        typed
            .tokens(main)
            .create(new ApiTokenPost("bench-reader", null, null, List.of("all.Application")))
            .token();
    System.out.println("Reading with an application API token (bench.apiToken=true)");
    return new ApiClient(baseUrl, secret);
  }

  /** (a)-(d), (q1)-(q6), (m1)-(m4) against their SQL, then the throughputs (e) and (f). */
  private static void measureQueries(
      ApiClient api,
      ApiClient poster,
      DevicesClient owner,
      String main,
      int samples,
      Instant createdFrom,
      Instant createdTo,
      Report report)
      throws Exception {
    try (SqlBaseline baseline =
        new SqlBaseline(
            setting("bench.dbUrl", null),
            setting("bench.dbUser", "devices"),
            setting("bench.dbPassword", ""))) {
      LatencyProbe probe = new LatencyProbe(api, baseline, main, samples, Duration.ofMinutes(1));
      List<TimedList> lists = new ArrayList<>(List.of(ListCase.values()));
      lists.addAll(QueryCase.shapes(createdFrom, createdTo));
      lists.addAll(MetadataCase.shapes());
      for (TimedList list : lists) {
        System.out.println("Measuring " + list.label() + "...");
        LatencyProbe.Result result = probe.measure(list, 50);
        if (!result.consistent()) {
          throw new IllegalStateException(
              list.key() + ": API returned " + result.apiFirst() + ", SQL " + result.sqlFirst());
        }
        report.latency(result);
      }
    }

    System.out.println("Measuring (e) Device Post with 8 clients...");
    String second = application(owner, "bench-post");
    double posts = Throughput.posts(poster, second, 8, 5_000, Duration.ofMinutes(5));
    report.throughput("post_per_second", "(e) POST device, 8 clients", posts, Report.POST_TARGET);

    System.out.println("Measuring (f) GET (a) with 16 clients for 15 s...");
    double gets = Throughput.gets(api, main, 16, Duration.ofSeconds(15));
    report.throughput("get_per_second", "(f) GET (a), 16 clients", gets, Report.GET_TARGET);

    // The same figures against the floor server, on the same database (bench.floor.skip=true:
    // not).
    if (!Boolean.parseBoolean(setting("bench.floor.skip", "false"))) {
      new ApiFloorComparison(api, owner, main, samples, report)
          .run(
              setting("bench.baseUrl", "http://localhost:9280"),
              setting("bench.token", "bench-owner-token-not-a-secret"),
              setting("bench.dbUrl", null),
              setting("bench.dbUser", "devices"),
              setting("bench.dbPassword", ""),
              posts);
    }
  }

  /**
   * Writes the plans of the query conditions to {@code prefix.txt} (the server's H2) and, when
   * PostgreSQL answers on 127.0.0.1:5432 and {@code bench.plans.postgres} is not false, to {@code
   * prefix-postgres.txt}, on a copy of the same fleet in a database of its own, dropped afterwards.
   */
  private static void explainPlans(
      String dbUrl, String app, long devices, Instant createdFrom, Instant createdTo, Path prefix)
      throws Exception {
    try (Connection h2 =
        DriverManager.getConnection(
            dbUrl, setting("bench.dbUser", "devices"), setting("bench.dbPassword", ""))) {
      System.out.println("Explaining the query plans on H2...");
      Path plans = Path.of(prefix + ".txt");
      Files.writeString(plans, QueryPlans.explainAll(h2, app, devices, createdFrom, createdTo));
      System.out.println("Query plans written to " + plans.toAbsolutePath());
      if (!Boolean.parseBoolean(setting("bench.plans.postgres", "true"))
          || !BenchDatabase.answers("127.0.0.1", 5432)) {
        return;
      }
      BenchDatabase postgres = BenchDatabase.pick("devices_query_plans", false);
      try {
        System.out.println("Copying the fleet to " + postgres.description() + "...");
        FleetCopy.copy(h2, postgres, app);
        try (Connection pg = DriverManager.getConnection(postgres.url(), postgres.user(), "")) {
          System.out.println("Explaining the query plans on PostgreSQL...");
          Path pgPlans = Path.of(prefix + "-postgres.txt");
          Files.writeString(
              pgPlans, QueryPlans.explainAll(pg, app, devices, createdFrom, createdTo));
          System.out.println("Query plans written to " + pgPlans.toAbsolutePath());
        }
      } finally {
        postgres.drop();
      }
    }
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, fallback);
    if (value == null) {
      throw new IllegalArgumentException("Missing system property " + name);
    }
    return value;
  }

  private static String application(DevicesClient owner, String name) {
    return owner.applications().create(new ApplicationPost(name, "benchmark", null)).id();
  }

  /** Polls the readiness check until it answers 200. */
  private static void waitUntilReady(String baseUrl, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        if (Api.fetch(baseUrl + "/health/ready").status() == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      if (System.nanoTime() > end) {
        throw new IllegalStateException(baseUrl + " did not become ready within " + limit);
      }
      Thread.sleep(500);
    }
  }
}
