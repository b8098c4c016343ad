package io.devices.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Collects the figures, prints them as a table with their targets, and writes them as JSON. */
final class Report {
  static final double LATENCY_TARGET_MS = 30;
  static final double RATIO_TARGET = 3;
  static final double POST_TARGET = 1_000;
  static final double GET_TARGET = 1_500;
  static final double PATCH_TARGET_MS = 10;
  static final double PATCH_TARGET = 1_000;
  static final double BULK_TARGET = 20_000;

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final StringBuilder table = new StringBuilder();
  private boolean allMet = true;

  Report() {
    figures.put("timestamp", Instant.now().toString());
    figures.put("cores", Runtime.getRuntime().availableProcessors());
    figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    figures.put("java_version", System.getProperty("java.version"));
    figures.put("java_vm", System.getProperty("java.vm.name"));
    figures.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    figures.put(
        "system_load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  void put(String key, Object value) {
    figures.put(key, value);
  }

  Object get(String key) {
    return figures.get(key);
  }

  /** Records whether a target was met; {@link #write} reports whether all were. */
  void target(boolean met) {
    allMet &= met;
  }

  void latency(LatencyProbe.Result result) {
    String key = result.list().key();
    String apiKey = result.list().apiKey();
    figures.put(apiKey + "_median_ms", round(result.api().medianMs()));
    figures.put(apiKey + "_p99_ms", round(result.api().p99Ms()));
    figures.put(apiKey + "_samples", result.api().size());
    figures.put("sql_" + key + "_median_ms", round(result.sql().medianMs()));
    figures.put("sql_" + key + "_p99_ms", round(result.sql().p99Ms()));
    figures.put("sql_" + key + "_samples", result.sql().size());
    figures.put("ratio_" + key, round(result.ratio()));
    figures.put("total_" + key, result.apiFirst().total());
    boolean met = result.api().medianMs() <= LATENCY_TARGET_MS && result.ratio() <= RATIO_TARGET;
    allMet &= met;
    table.append(
        String.format(
            Locale.ROOT,
            "%-32s %9.2f %9.2f %9.2f %9.2f %7.2f %5d  %s%n",
            result.list().label(),
            result.api().medianMs(),
            result.api().p99Ms(),
            result.sql().medianMs(),
            result.sql().p99Ms(),
            result.ratio(),
            result.api().size(),
            met ? "ok" : "MISSED (median <= 30 ms, ratio <= 3)"));
  }

  /**
   * A single-device action against its floor: {@code <key>_median_ms}, {@code sql_<key>_...},
   * {@code ratio_<key>}; {@code targetMs} NaN for an action without a latency target.
   */
  void deviceLatency(String key, String label, DeviceProbe.Result result, double targetMs) {
    figures.put(key + "_median_ms", round(result.api().medianMs()));
    figures.put(key + "_p99_ms", round(result.api().p99Ms()));
    figures.put(key + "_samples", result.api().size());
    figures.put("sql_" + key + "_median_ms", round(result.sql().medianMs()));
    figures.put("sql_" + key + "_p99_ms", round(result.sql().p99Ms()));
    figures.put("ratio_" + key, round(result.ratio()));
    boolean met = Double.isNaN(targetMs) || result.api().medianMs() <= targetMs;
    allMet &= met;
    table.append(
        String.format(
            Locale.ROOT,
            "%-32s %9.2f %9.2f %9.2f %9.2f %7.2f %5d  %s%n",
            label,
            result.api().medianMs(),
            result.api().p99Ms(),
            result.sql().medianMs(),
            result.sql().p99Ms(),
            result.ratio(),
            result.api().size(),
            Double.isNaN(targetMs)
                ? "(no target)"
                : met ? "ok" : "MISSED (median <= " + targetMs + " ms)"));
  }

  /**
   * A bulk job of {@code devices} devices against its set-based floor: {@code <key>_seconds},
   * {@code <key>_devices_per_second}, {@code sql_<key>_...}, {@code ratio_<key>} (job time over
   * floor time).
   */
  void bulk(String key, String label, int devices, BulkJobTimer.Finished job, long floorNanos) {
    double seconds = job.nanos() / 1e9;
    double floorSeconds = floorNanos / 1e9;
    double perSecond = devices / seconds;
    double ratio = seconds / floorSeconds;
    figures.put(key + "_devices", devices);
    figures.put(key + "_seconds", round(seconds));
    figures.put(key + "_accept_ms", round(job.acceptNanos() / 1e6));
    figures.put(key + "_devices_per_second", Math.round(perSecond));
    figures.put("sql_" + key + "_seconds", round(floorSeconds));
    figures.put("sql_" + key + "_devices_per_second", Math.round(devices / floorSeconds));
    figures.put("ratio_" + key, round(ratio));
    boolean met = perSecond >= BULK_TARGET && ratio <= RATIO_TARGET;
    allMet &= met;
    table.append(
        String.format(
            Locale.ROOT,
            "%-32s %,9.0f /s   floor %,9.0f /s  ratio %5.2f  %s%n",
            label,
            perSecond,
            devices / floorSeconds,
            ratio,
            met ? "ok" : "MISSED (>= 20,000 devices/s, ratio <= 3)"));
  }

  void throughput(String key, String label, double perSecond, double target) {
    figures.put(key, round(perSecond));
    boolean met = perSecond >= target;
    allMet &= met;
    table.append(
        String.format(
            Locale.ROOT,
            "%-32s %,9.0f /s   target >= %,.0f /s  %s%n",
            label,
            perSecond,
            target,
            met ? "ok" : "MISSED"));
  }

  String table() {
    return String.format(
            Locale.ROOT,
            "%-32s %9s %9s %9s %9s %7s %5s%n",
            "request",
            "api med",
            "api p99",
            "sql med",
            "sql p99",
            "api/sql",
            "n")
        + table
        + (allMet ? "All targets met." : "Some targets MISSED (see above).")
        + System.lineSeparator();
  }

  void write(Path file) throws IOException {
    figures.put("all_targets_met", allMet);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, json(), StandardCharsets.UTF_8);
  }

  private String json() {
    return figures.entrySet().stream()
        .map(e -> "  \"" + e.getKey() + "\": " + jsonValue(e.getValue()))
        .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
  }

  private static String jsonValue(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
