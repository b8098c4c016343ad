package io.devices.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One part of the benchmarks: its main class, run in a JVM of its own, and the file its figures go
 * to. The Devices API part measures a server it is given: {@link ApiServer} starts it around the
 * run; the other parts start their own.
 */
record BenchmarkPart(
    String name, Class<?> mainClass, String outputProperty, String fileName, boolean apiServer) {

  boolean skipped() {
    return Boolean.getBoolean("bench." + name + ".skip");
  }

  Path output(Path outputDir) {
    String given = System.getProperty(outputProperty);
    return given != null ? Path.of(given) : outputDir.resolve(fileName);
  }

  /**
   * Runs the part; returns null when it completed and wrote its figures, else what went wrong.
   * Figures of an earlier run are deleted first, so none can pass for this run's.
   */
  String run(Path outputDir) {
    Path output = output(outputDir).toAbsolutePath();
    Map<String, String> properties = BenchmarkSettings.forwarded();
    properties.put(outputProperty, output.toString());
    try {
      Files.deleteIfExists(output);
      Files.createDirectories(output.getParent());
      int exit;
      if (apiServer) {
        try (ApiServer server = ApiServer.start()) {
          properties.putAll(server.properties());
          exit = PartJvm.run(mainClass, properties);
        }
      } else {
        exit = PartJvm.run(mainClass, properties);
      }
      if (exit != 0) {
        return "failed (exit status " + exit + ")";
      }
      return Files.isRegularFile(output) ? null : "failed: it wrote no " + output;
    } catch (IOException | RuntimeException | InterruptedException e) {
      e.printStackTrace();
      return "failed: " + e;
    }
  }
}
