package io.devices.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.export.ExportFormat;
import io.devices.spi.export.ExportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One broken plugin never stops the others, nor the server. */
class PluginLoaderTest {
  @TempDir Path services;

  /** A working format that records its settings. */
  public static class GoodFormat implements ExportFormat {
    static final Map<String, String> STARTED_WITH = new HashMap<>();
    boolean stopped;

    @Override
    public String id() {
      return "good";
    }

    @Override
    public void start(Map<String, String> config) {
      STARTED_WITH.putAll(config);
    }

    @Override
    public void stop() {
      stopped = true;
    }

    @Override
    public String mediaType() {
      return "text/plain";
    }

    @Override
    public String fileExtension() {
      return "txt";
    }

    @Override
    public ExportWriter open(OutputStream out) {
      throw new UnsupportedOperationException();
    }
  }

  /** Takes an id that is already taken. */
  public static class SameIdFormat extends GoodFormat {}

  /** Its id cannot name a format in a URL. */
  public static class BadIdFormat extends GoodFormat {
    @Override
    public String id() {
      return "Bad Id!";
    }
  }

  /** Refuses to start. */
  public static class FailingFormat extends GoodFormat {
    @Override
    public String id() {
      return "failing";
    }

    @Override
    public void start(Map<String, String> config) {
      throw new IllegalStateException("no licence");
    }
  }

  /** Its constructor throws. */
  public static class ExplodingFormat extends GoodFormat {
    public ExplodingFormat() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void brokenPluginsAreSkippedAndReported() throws IOException {
    Path file = services.resolve("META-INF/services/" + ExportFormat.class.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        String.join(
            "\n",
            "vendor.missing.Nope",
            GoodFormat.class.getName(),
            SameIdFormat.class.getName(),
            BadIdFormat.class.getName(),
            FailingFormat.class.getName(),
            ExplodingFormat.class.getName()));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader())) {
      LoadedPlugins<ExportFormat> loaded =
          PluginLoader.load(
              ExportFormat.class,
              List.of(new PluginSource("services", loader)),
              id -> Map.of("id-was", id));

      assertInstanceOf(GoodFormat.class, loaded.byId().get("good"));
      assertEquals(Map.of("id-was", "good"), GoodFormat.STARTED_WITH);
      assertTrue(!loaded.byId().containsKey("failing"));
      List<String> failures = loaded.failures();
      assertEquals(5, failures.size(), failures.toString());
      assertTrue(failures.stream().anyMatch(f -> f.contains("vendor.missing.Nope")));
      assertTrue(failures.stream().anyMatch(f -> f.contains("is taken")));
      assertTrue(failures.stream().anyMatch(f -> f.contains("malformed id")));
      assertTrue(failures.stream().anyMatch(f -> f.contains("no licence")));
      assertTrue(failures.stream().anyMatch(f -> f.contains("boom")));

      PluginLoader.stopAll(loaded.byId().values());
      assertTrue(((GoodFormat) loaded.byId().get("good")).stopped);
    }
  }
}
