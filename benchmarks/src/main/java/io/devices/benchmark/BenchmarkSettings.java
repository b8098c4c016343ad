package io.devices.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * The launcher's settings, system properties named {@code bench.*}, {@code it.*} and {@code wlp.*}:
 * the build passes every one it knows, a setting not given on its command line as an unresolved
 * {@code ${...}}, which is dropped, so the part's own default applies.
 */
final class BenchmarkSettings {
  private BenchmarkSettings() {}

  static void dropUnresolved() {
    System.getProperties()
        .entrySet()
        .removeIf(e -> e.getValue().toString().contains("${") || e.getValue().toString().isEmpty());
  }

  /** The settings a part's JVM gets: the launcher's own. */
  static Map<String, String> forwarded() {
    Map<String, String> forwarded = new HashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.") || name.startsWith("it.") || name.startsWith("wlp.")) {
        forwarded.put(name, System.getProperty(name));
      }
    }
    return forwarded;
  }
}
