package io.devices.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The load run's figures: printed as a table with the targets, written as {@code load.json}
 * (through {@link Report}). Performance targets are reported; the correctness checks (no 5xx, no
 * request without an answer, no unexpected status, no lost or stray write) decide {@link
 * #correct()}.
 */
final class LoadReport {
  static final double THROUGHPUT_TARGET = 1_000;
  static final double P99_TARGET_MS = 100;

  private final Report json = new Report();
  private final StringBuilder text = new StringBuilder();
  private final LoadRecorder.Summary summary;
  private final double elapsedSeconds;
  private long correctnessFaults;

  /** CPU ms per request of server, database and generator, once {@link #context} has them. */
  private double[] cpuMsPerRequest = {Double.NaN, Double.NaN, Double.NaN};

  LoadReport(LoadSettings settings, LoadRecorder.Summary summary, double elapsedSeconds) {
    this.summary = summary;
    this.elapsedSeconds = elapsedSeconds;
    double throughput = summary.total() / elapsedSeconds;
    double p99 = summary.percentileMs(99);
    json.put("load_requests_per_second", round(throughput));
    json.put("load_p50_ms", round(summary.percentileMs(50)));
    json.put("load_p99_ms", round(p99));
    json.put("load_requests", summary.total());
    json.put("load_seconds", round(elapsedSeconds));
    json.put("load_clients", settings.clients());
    json.put("load_warmup_seconds", settings.warmupSeconds());
    json.put("load_max_requests", settings.maxRequests());
    json.put("load_seeded_devices", settings.devices());
    line(
        "%n%d clients, %.1f s, %,d requests (after the warm-up, which is not counted)%n",
        settings.clients(), elapsedSeconds, summary.total());
    line(
        "%-14s %9s %9s %9s %9s %9s  %s%n",
        "action", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "statuses");
    for (LoadAction action : LoadAction.values()) {
      action(action, elapsedSeconds);
    }
    line(
        "%-14s %,9d %,9.0f %9.2f %9.2f %9s%n",
        "all", summary.total(), throughput, summary.percentileMs(50), p99, "");
    line(
        "throughput %,.0f requests/s   target >= %,.0f   %s%n",
        throughput, THROUGHPUT_TARGET, throughput >= THROUGHPUT_TARGET ? "met" : "MISSED");
    line(
        "p99 (all)  %.1f ms           target <= %.0f ms   %s%n",
        p99, P99_TARGET_MS, p99 <= P99_TARGET_MS ? "met" : "MISSED");
    json.target(throughput >= THROUGHPUT_TARGET);
    json.target(p99 <= P99_TARGET_MS);
    long fivexx = summary.statuses(500, 599);
    long unexpected = 0;
    for (LoadAction action : LoadAction.values()) {
      unexpected += summary.unexpected(action);
    }
    json.put("load_5xx", fivexx);
    json.put("load_unexpected_status", unexpected);
    json.put("load_no_answer", summary.noAnswers());
    correctnessFaults += unexpected + summary.noAnswers();
    line(
        "5xx %d, other unexpected statuses %d, requests without an answer %d%n",
        fivexx, unexpected - fivexx, summary.noAnswers());
  }

  void warmup(LoadPhase warmup) {
    json.put("load_warmup_requests", warmup.requests());
    json.put("load_warmup_seconds_taken", round(warmup.elapsedSeconds()));
  }

  void context(String database, boolean mqtt, double[] cores, int connects) {
    json.put("database", database);
    json.put("mqtt", mqtt ? "tcp://127.0.0.1:1883" : "no broker (deliveries queued)");
    json.put("cpu_cores_server", round(cores[0]));
    json.put("cpu_cores_generator", round(cores[1]));
    json.put("cpu_cores_database", round(cores[2]));
    json.put("cpu_cores_machine", round(cores[3]));
    json.put("load_connections_opened", connects);
    // CPU per request: what the machine's cores must supply per request, whatever else runs.
    double perSecond = summary.total() / elapsedSeconds;
    json.put("cpu_ms_per_request_server", round(cores[0] * 1000 / perSecond));
    json.put("cpu_ms_per_request_database", round(cores[2] * 1000 / perSecond));
    json.put("cpu_ms_per_request_generator", round(cores[1] * 1000 / perSecond));
    cpuMsPerRequest =
        new double[] {
          cores[0] * 1000 / perSecond, cores[2] * 1000 / perSecond, cores[1] * 1000 / perSecond
        };
    line(
        "CPU during the load (cores of %d): server %.2f, load generator %.2f, database %.2f,"
            + " machine %.2f%nCPU per request: server %.2f ms, database %.2f ms, generator %.2f ms;"
            + " %d connections opened%n%s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        cores[0],
        cores[1],
        cores[2],
        cores[3],
        cores[0] * 1000 / perSecond,
        cores[2] * 1000 / perSecond,
        cores[1] * 1000 / perSecond,
        connects,
        database,
        mqtt ? "MQTT tcp://127.0.0.1:1883" : "no MQTT broker: deliveries stay queued");
  }

  void writes(WriteLedger ledger, WriteLedger.Check check) {
    json.put("load_lost_writes", check.lostWrites());
    json.put("load_devices_acknowledged", ledger.devices());
    json.put("load_devices_missing", check.missingDevices());
    json.put("load_commands_acknowledged", ledger.commands());
    json.put("load_commands_missing", check.missingCommands());
    json.put("load_deliveries_expected", check.expectedDeliveries());
    json.put("load_deliveries_missing", check.missingDeliveries());
    json.put("load_deliveries_unexpected", check.unexpectedDeliveries());
    new TreeMap<>(check.deliveryStates())
        .forEach(
            (state, count) -> json.put("load_deliveries_" + state.toLowerCase(Locale.ROOT), count));
    correctnessFaults += check.lostWrites() + check.unexpectedDeliveries();
    line(
        "writes (warm-up and load): %,d devices acknowledged, %d missing; %,d commands"
            + " acknowledged, %d missing; %,d deliveries expected, %d missing, %d unexpected;"
            + " delivery states at the end %s%n",
        ledger.devices(),
        check.missingDevices(),
        ledger.commands(),
        check.missingCommands(),
        check.expectedDeliveries(),
        check.missingDeliveries(),
        check.unexpectedDeliveries(),
        new TreeMap<>(check.deliveryStates()));
    line("lost writes %d%n", check.lostWrites());
  }

  /**
   * The same load against the floor server, beside ours: its figures as {@code floor_*} keys
   * ({@code floor_load_requests_per_second}, {@code floor_load_<action>_p99_ms}, {@code
   * floor_cpu_ms_per_request} ...), the ratios ours/floor, its table; its correctness checks count
   * as ours.
   */
  void beside(LoadReport floor) {
    double ours = summary.total() / elapsedSeconds;
    double theirs = floor.summary.total() / floor.elapsedSeconds;
    json.put("load_cpu_ms_per_request", round(cpuMsPerRequest[0]));
    json.put("floor_cpu_ms_per_request", round(floor.cpuMsPerRequest[0]));
    json.put("floor_cpu_ms_per_request_database", round(floor.cpuMsPerRequest[1]));
    json.put("floor_cpu_ms_per_request_generator", round(floor.cpuMsPerRequest[2]));
    json.put("floor_load_requests_per_second", round(theirs));
    json.put("floor_load_p50_ms", round(floor.summary.percentileMs(50)));
    json.put("floor_load_p99_ms", round(floor.summary.percentileMs(99)));
    json.put("ratio_load_throughput_to_floor", round(ours / theirs));
    json.put(
        "ratio_load_p99_to_floor",
        round(summary.percentileMs(99) / floor.summary.percentileMs(99)));
    json.put(
        "ratio_load_cpu_per_request_to_floor",
        round(cpuMsPerRequest[0] / floor.cpuMsPerRequest[0]));
    for (LoadAction action : LoadAction.values()) {
      String key = "load_" + action.name();
      json.put(
          "floor_" + key + "_per_second",
          round(floor.summary.count(action) / floor.elapsedSeconds));
      json.put("floor_" + key + "_p50_ms", round(floor.summary.percentileMs(action, 50)));
      json.put("floor_" + key + "_p99_ms", round(floor.summary.percentileMs(action, 99)));
      json.put(
          "ratio_" + key + "_p99_to_floor",
          round(summary.percentileMs(action, 99) / floor.summary.percentileMs(action, 99)));
    }
    json.put("floor_load_5xx", floor.summary.statuses(500, 599));
    json.put("floor_load_lost_writes", floor.json.get("load_lost_writes"));
    json.put("floor_load_correct", floor.correct());
    correctnessFaults += floor.correctnessFaults;
    line("%nThe same load against the floor server:%s", floor.text.toString());
    line("%nOurs against the floor (same database, fleet, clients and warm-up)%n");
    line("%-28s %10s %10s %8s%n", "figure", "ours", "floor", "ours/fl");
    compare("requests/s", ours, theirs);
    compare("p50 ms (all)", summary.percentileMs(50), floor.summary.percentileMs(50));
    compare("p99 ms (all)", summary.percentileMs(99), floor.summary.percentileMs(99));
    for (LoadAction action : LoadAction.values()) {
      compare(
          action.label + " p50 ms",
          summary.percentileMs(action, 50),
          floor.summary.percentileMs(action, 50));
      compare(
          action.label + " p99 ms",
          summary.percentileMs(action, 99),
          floor.summary.percentileMs(action, 99));
    }
    compare("server CPU ms/request", cpuMsPerRequest[0], floor.cpuMsPerRequest[0]);
    compare("database CPU ms/request", cpuMsPerRequest[1], floor.cpuMsPerRequest[1]);
    compare("generator CPU ms/request", cpuMsPerRequest[2], floor.cpuMsPerRequest[2]);
  }

  private void compare(String label, double ours, double floor) {
    line("%-28s %10.2f %10.2f %8.2f%n", label, ours, floor, ours / floor);
  }

  /** No 5xx or other unexpected status, every request answered, no lost or stray write. */
  boolean correct() {
    return correctnessFaults == 0;
  }

  String text() {
    return text
        + (correct()
            ? "Correctness checks held (no 5xx, every request answered, no lost write)."
            : "Correctness checks FAILED (see above): the run fails.")
        + System.lineSeparator();
  }

  void write(Path file) throws IOException {
    json.put("load_correct", correct());
    json.write(file);
  }

  private void action(LoadAction action, double elapsedSeconds) {
    String key = "load_" + action.name();
    long count = summary.count(action);
    json.put(key + "_requests", count);
    json.put(key + "_per_second", round(count / elapsedSeconds));
    json.put(key + "_p50_ms", round(summary.percentileMs(action, 50)));
    json.put(key + "_p99_ms", round(summary.percentileMs(action, 99)));
    json.put(key + "_max_ms", round(summary.percentileMs(action, 100)));
    json.put(key + "_statuses", summary.statusText(action));
    line(
        "%-14s %,9d %,9.0f %9.2f %9.2f %9.1f  %s%n",
        action.label,
        count,
        count / elapsedSeconds,
        summary.percentileMs(action, 50),
        summary.percentileMs(action, 99),
        summary.percentileMs(action, 100),
        summary.statusText(action));
  }

  private void line(String pattern, Object... values) {
    text.append(String.format(Locale.ROOT, pattern, values));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
