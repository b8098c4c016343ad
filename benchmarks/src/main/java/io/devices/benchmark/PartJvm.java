package io.devices.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a part's main class in a JVM of its own (the parts end with {@code System.exit}, and each
 * measures from a cold JVM of its own, as when it ran alone), on the launcher's class path, with
 * its output on the launcher's.
 */
final class PartJvm {
  private PartJvm() {}

  static int run(Class<?> mainClass, Map<String, String> properties) throws InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-classpath");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        throw e;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
