package io.devices.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.plugin.vendor.AlphaFormat;
import io.devices.core.plugin.vendor.BetaFormat;
import io.devices.spi.export.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind's registry shares one scan of the plugins directory; shutdown stops, then closes. */
class InstalledPluginsTest {
  @TempDir Path plugins;
  @TempDir Path markers;

  @Test
  void theRegistriesShareOneDirectoryAndShutdownStopsThePluginsBeforeClosingTheJars()
      throws IOException {
    PluginJars.write(
        plugins.resolve("alpha.jar"),
        ExportFormat.class,
        List.of(AlphaFormat.class),
        List.of(AlphaFormat.class, BetaFormat.class));
    InstalledPlugins installed = new InstalledPlugins(Optional.of(plugins.toString()));
    Map<String, String> settings = Map.of("stopped-marker", markers.toString());
    ClassLoader application = PluginJars.application();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(application);
    try {
      PluginRegistry<ExportFormat> formats = installed.registry(ExportFormat.class, id -> settings);
      PluginRegistry<ExportFormat> second = installed.registry(ExportFormat.class, id -> Map.of());

      ClassLoader jar = formats.find("alpha").orElseThrow().getClass().getClassLoader();
      assertSame(application, jar.getParent());
      assertSame(jar, second.find("alpha").orElseThrow().getClass().getClassLoader(), "one scan");

      installed.stop();

      assertTrue(Files.exists(markers.resolve("alpha")), "alpha was stopped");
      // In the jar, never loaded before the loader was closed: it cannot be loaded any more.
      assertThrows(ClassNotFoundException.class, () -> jar.loadClass(BetaFormat.class.getName()));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void withoutAPluginsDirectoryOnlyTheBuiltInsLoad() {
    InstalledPlugins installed = new InstalledPlugins(Optional.empty());
    PluginRegistry<ExportFormat> formats = installed.registry(ExportFormat.class, id -> Map.of());

    assertEquals(
        List.of("csv", "json", "ndjson"),
        formats.loaded().byId().keySet().stream().sorted().toList());
    installed.stop();
  }
}
