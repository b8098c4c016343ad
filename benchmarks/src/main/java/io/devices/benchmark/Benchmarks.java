package io.devices.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one launcher of the benchmarks ({@code mvn -B -Pbenchmark -DskipTests verify} runs it): the
 * parts in order, the Devices API (with its query and life-cycle subparts), export, Send Command
 * and load, each in a JVM of its own with servers of its own, figures in {@code bench.outputDir}
 * ({@code target/benchmarks}). {@code bench.<part>.skip=true} leaves a part out. Exit status 1 when
 * a part failed or wrote no figures; the parts after it still run.
 */
public final class Benchmarks {
  private static final List<BenchmarkPart> PARTS =
      List.of(
          new BenchmarkPart(
              "api", DevicesApiBenchmark.class, "bench.output", "devices-api.json", true),
          new BenchmarkPart(
              "export", ExportBenchmark.class, "bench.export.output", "export.json", false),
          new BenchmarkPart(
              "command", CommandBenchmark.class, "bench.command.output", "command.json", false),
          new BenchmarkPart("load", LoadBenchmark.class, "bench.load.output", "load.json", false));

  private Benchmarks() {}

  public static void main(String[] args) {
    BenchmarkSettings.dropUnresolved();
    Path outputDir = Path.of(System.getProperty("bench.outputDir", "target/benchmarks"));
    Map<String, String> outcomes = new LinkedHashMap<>();
    boolean failed = false;
    for (BenchmarkPart part : PARTS) {
      if (part.skipped()) {
        outcomes.put(part.name(), "skipped");
        continue;
      }
      System.out.println("=== Benchmark part " + part.name() + " ===");
      String problem = part.run(outputDir);
      outcomes.put(part.name(), problem == null ? "figures in " + part.output(outputDir) : problem);
      failed |= problem != null;
    }
    System.out.println("=== Benchmarks ===");
    outcomes.forEach((name, outcome) -> System.out.println(name + ": " + outcome));
    System.exit(failed ? 1 : 0);
  }
}
