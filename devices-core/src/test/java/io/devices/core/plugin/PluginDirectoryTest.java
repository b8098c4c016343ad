package io.devices.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.core.plugin.vendor.AlphaFormat;
import io.devices.core.plugin.vendor.BetaFormat;
import io.devices.spi.export.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins directory: one class loader per jar, in a stable order, a broken jar left out. */
class PluginDirectoryTest {
  private static final Logger DIRECTORY_LOG = Logger.getLogger(PluginDirectory.class.getName());

  @TempDir Path plugins;
  private final ClassLoader application = PluginJars.application();
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler recorder =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void recordTheLog() {
    DIRECTORY_LOG.addHandler(recorder);
  }

  @AfterEach
  void stopRecording() {
    DIRECTORY_LOG.removeHandler(recorder);
  }

  @Test
  void eachJarHasAClassLoaderOfItsOwnUnderTheApplications() throws IOException {
    alphaJar("alpha.jar");
    PluginJars.write(
        plugins.resolve("beta.jar"),
        ExportFormat.class,
        List.of(BetaFormat.class),
        List.of(AlphaFormat.class, BetaFormat.class));

    try (PluginDirectory directory = PluginDirectory.open(plugins, application)) {
      LoadedPlugins<ExportFormat> loaded = load(directory);

      ExportFormat alpha = loaded.byId().get("alpha");
      ExportFormat beta = loaded.byId().get("beta");
      assertEquals(List.of(), loaded.failures());
      assertNotSame(alpha.getClass().getClassLoader(), beta.getClass().getClassLoader());
      assertSame(application, alpha.getClass().getClassLoader().getParent());
      assertSame(application, beta.getClass().getClassLoader().getParent());
      // Each jar's copy of AlphaFormat is its own class: the vendors share nothing but the SPI.
      assertNotSame(alpha.getClass(), beta.getClass().getSuperclass());
      assertSame(ExportFormat.class, alpha.getClass().getInterfaces()[0]);
      assertTrue(loaded.byId().containsKey("csv"), "the built-ins still load");
    }
  }

  @Test
  void aBrokenJarOrAMissingClassIsSkippedAndTheOtherJarsStillLoad() throws IOException {
    Files.writeString(plugins.resolve("a-broken.jar"), "not a zip file");
    PluginJars.write(
        plugins.resolve("b-missing-class.jar"),
        ExportFormat.class,
        List.of(BetaFormat.class),
        List.of(BetaFormat.class));
    alphaJar("c-alpha.jar");

    try (PluginDirectory directory = PluginDirectory.open(plugins, application)) {
      LoadedPlugins<ExportFormat> loaded = load(directory);

      assertEquals(
          List.of("b-missing-class.jar", "c-alpha.jar"),
          directory.jars().stream().map(PluginSource::name).toList());
      assertTrue(loaded.byId().containsKey("alpha"));
      assertEquals(1, loaded.failures().size(), loaded.failures().toString());
      String failure = loaded.failures().get(0);
      assertTrue(failure.contains("from b-missing-class.jar"), failure);
      assertTrue(failure.contains(AlphaFormat.class.getName().replace('.', '/')), failure);
      assertTrue(warned("a-broken.jar"), "the broken jar is logged as a warning");
    }
  }

  @Test
  void theJarsComeInFileNameOrderSoTheFirstTakesAnId() throws IOException {
    alphaJar("c.jar");
    alphaJar("a.jar");
    alphaJar("b.jar");
    Files.writeString(plugins.resolve("notes.txt"), "not a jar: ignored");

    try (PluginDirectory directory = PluginDirectory.open(plugins, application)) {
      List<PluginSource> jars = directory.jars();
      LoadedPlugins<ExportFormat> loaded = load(directory);

      assertEquals(
          List.of("a.jar", "b.jar", "c.jar"), jars.stream().map(PluginSource::name).toList());
      assertSame(jars.get(0).loader(), loaded.byId().get("alpha").getClass().getClassLoader());
      assertEquals(2, loaded.failures().size(), loaded.failures().toString());
      assertTaken("b.jar", loaded.failures().get(0));
      assertTaken("c.jar", loaded.failures().get(1));
    }
  }

  @Test
  void aMissingDirectoryMeansNoVendorPlugins() {
    try (PluginDirectory directory = PluginDirectory.open(plugins.resolve("absent"), application)) {
      assertEquals(List.of(), directory.jars());
      assertTrue(logged.stream().allMatch(record -> record.getLevel() == Level.INFO), "INFO only");
    }
  }

  @Test
  void aFileInsteadOfADirectoryIsWarnedAbout() throws IOException {
    Path file = alphaJar("alpha.jar");
    try (PluginDirectory directory = PluginDirectory.open(file, application)) {
      assertEquals(List.of(), directory.jars());
      assertTrue(warned("is not a directory"));
    }
  }

  @Test
  void closingTheDirectoryClosesTheJarsLoaders() throws Exception {
    alphaJar("alpha.jar");
    PluginDirectory directory = PluginDirectory.open(plugins, application);
    ClassLoader loader = directory.jars().get(0).loader();

    directory.close();

    assertThrows(ClassNotFoundException.class, () -> loader.loadClass(AlphaFormat.class.getName()));
    try (PluginDirectory reopened = PluginDirectory.open(plugins, application)) {
      reopened.jars().get(0).loader().loadClass(AlphaFormat.class.getName());
    }
  }

  private static void assertTaken(String jar, String failure) {
    assertTrue(failure.contains("from " + jar + ":") && failure.contains("is taken"), failure);
  }

  private Path alphaJar(String name) throws IOException {
    return PluginJars.write(
        plugins.resolve(name),
        ExportFormat.class,
        List.of(AlphaFormat.class),
        List.of(AlphaFormat.class));
  }

  private LoadedPlugins<ExportFormat> load(PluginDirectory directory) {
    List<PluginSource> sources = new ArrayList<>();
    sources.add(PluginSource.builtIn(application));
    sources.addAll(directory.jars());
    return PluginLoader.load(ExportFormat.class, sources, id -> Map.of());
  }

  private boolean warned(String text) {
    return logged.stream()
        .anyMatch(
            record -> record.getLevel() == Level.WARNING && record.getMessage().contains(text));
  }
}
