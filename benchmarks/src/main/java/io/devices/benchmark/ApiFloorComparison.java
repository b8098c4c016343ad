package io.devices.benchmark;

import io.devices.api.ApplicationPost;
import io.devices.api.client.DevicesClient;
import io.devices.benchmark.floor.FloorParity;
import io.devices.benchmark.floor.FloorProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Devices API figures (a)-(f) against the floor server ({@link
 * io.devices.benchmark.floor.FloorServer}) on the same database in the same run: first a parity
 * check (status and body bytes of a sample of every list case and of creates; a difference fails
 * the run), then each of (a)-(d) measured on ours and on the floor back to back with the same
 * client and warm-up, then (e) and (f) on the floor with the same client program as ours. Keys:
 * {@code floor_<api key>_median_ms}, {@code floor_<api key>_p99_ms}, {@code ratio_<api
 * key>_to_floor} (ours' median over the floor's, both of the back-to-back measurement), {@code
 * floor_post_per_second}, {@code ratio_create_throughput_to_floor}, {@code floor_get_per_second},
 * {@code ratio_get_throughput_to_floor}.
 */
final class ApiFloorComparison {
  private final ApiClient ours;
  private final DevicesClient owner;
  private final String application;
  private final int samples;
  private final Report report;
  private final StringBuilder table = new StringBuilder();

  ApiFloorComparison(
      ApiClient ours, DevicesClient owner, String application, int samples, Report report) {
    this.ours = ours;
    this.owner = owner;
    this.application = application;
    this.samples = samples;
    this.report = report;
  }

  /**
   * Runs it all; ours' (e) is the one measured before, ours' (f) is measured again right before the
   * floor's.
   *
   * @throws IllegalStateException when the floor's answers differ from ours
   */
  void run(
      String oursBaseUrl,
      String token,
      String dbUrl,
      String dbUser,
      String dbPassword,
      double oursPosts)
      throws Exception {
    int port = Integer.getInteger("bench.floor.port", 9286);
    System.out.println("Starting the floor server on port " + port + "...");
    try (FloorProcess floor = FloorProcess.start(port, dbUrl, dbUser, dbPassword, token);
        SqlBaseline baseline = new SqlBaseline(dbUrl, dbUser, dbPassword)) {
      String parityApp = parity(oursBaseUrl, floor.baseUrl(), token);
      ApiClient floorApi = new ApiClient(floor.baseUrl(), token);
      // Ours has been warmed up by the seeding and every case before; the floor's fresh JVM gets
      // a warm-up of its own, so that neither side is measured before its JIT compiler is done.
      System.out.println("Warming the floor up: 1,000 creates, then 10 s of (a) with 4 clients...");
      new Seeder(floorApi, 4).seed(parityApp, "warm-", 1_000, Duration.ofMinutes(5), false);
      Throughput.gets(floorApi, application, 4, Duration.ofSeconds(10));
      LatencyProbe oursProbe =
          new LatencyProbe(ours, baseline, application, samples, Duration.ofMinutes(1));
      LatencyProbe floorProbe =
          new LatencyProbe(floorApi, baseline, application, samples, Duration.ofMinutes(1));
      for (ListCase list : ListCase.values()) {
        System.out.println("Measuring " + list.label() + " on ours and on the floor...");
        LatencyProbe.Result a = oursProbe.measure(list, 50);
        LatencyProbe.Result b = floorProbe.measure(list, 50);
        String key = list.apiKey();
        report.put("floor_" + key + "_median_ms", round(b.api().medianMs()));
        report.put("floor_" + key + "_p99_ms", round(b.api().p99Ms()));
        report.put("ours_beside_floor_" + key + "_median_ms", round(a.api().medianMs()));
        double ratio = a.api().medianMs() / b.api().medianMs();
        report.put("ratio_" + key + "_to_floor", round(ratio));
        if (list == ListCase.page) {
          report.put("ratio_first_page_median_to_floor", round(ratio));
        }
        line(list.label() + " median ms", a.api().medianMs(), b.api().medianMs());
        line(list.label() + " p99 ms", a.api().p99Ms(), b.api().p99Ms());
      }
      System.out.println("Measuring (e) Device Post with 8 clients on the floor...");
      String second =
          owner.applications().create(new ApplicationPost("bench-post-floor", "floor", null)).id();
      double posts = Throughput.posts(floorApi, second, 8, 5_000, Duration.ofMinutes(5));
      report.put("floor_post_per_second", Math.round(posts));
      report.put("ratio_create_throughput_to_floor", round(oursPosts / posts));
      line("(e) POST device, 8 clients /s", oursPosts, posts);
      // Ours once more right before the floor, so that both face the same machine load.
      System.out.println(
          "Measuring (f) GET (a) with 16 clients for 15 s on ours, then the floor...");
      double oursBeside = Throughput.gets(ours, application, 16, Duration.ofSeconds(15));
      double gets = Throughput.gets(floorApi, application, 16, Duration.ofSeconds(15));
      report.put("ours_beside_floor_get_per_second", Math.round(oursBeside));
      report.put("floor_get_per_second", Math.round(gets));
      report.put("ratio_get_throughput_to_floor", round(oursBeside / gets));
      line("(f) GET (a), 16 clients /s", oursBeside, gets);
    }
    System.out.println();
    System.out.println("Ours against the floor (same database, same client, same run)");
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %8s%n", "figure", "ours", "floor", "ours/fl");
    System.out.print(table);
  }

  /**
   * Every list case (10 rotations each) and three creates; fails on a difference.
   *
   * @return the application the creates went to
   */
  private String parity(String oursBaseUrl, String floorBaseUrl, String token) throws Exception {
    List<FloorParity.Request> requests = new ArrayList<>();
    String devices = "/applications/" + application + "/devices";
    for (ListCase list : ListCase.values()) {
      for (int k = 0; k < 10; k++) {
        requests.add(FloorParity.Request.get(devices + list.path(k)));
      }
    }
    String parityApp =
        owner.applications().create(new ApplicationPost("bench-parity", "floor", null)).id();
    for (int i = 0; i < 3; i++) {
      requests.add(
          FloorParity.Request.post(
              "/applications/" + parityApp + "/devices", Seeder.deviceBody("parity-", i)));
    }
    List<String> differences =
        new FloorParity(oursBaseUrl, floorBaseUrl, token).differences(requests);
    report.put("floor_parity_requests", requests.size());
    report.put("floor_parity_differences", differences.size());
    if (!differences.isEmpty()) {
      differences.forEach(d -> System.out.println("PARITY: " + d));
      throw new IllegalStateException(
          differences.size() + " of " + requests.size() + " floor answers differ from ours");
    }
    System.out.println(
        "Parity: the floor answered all " + requests.size() + " sample requests as ours did");
    return parityApp;
  }

  private void line(String label, double oursValue, double floorValue) {
    table.append(
        String.format(
            Locale.ROOT,
            "%-44s %10.2f %10.2f %8.2f%n",
            label,
            oursValue,
            floorValue,
            oursValue / floorValue));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
