package io.devices.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The jars of the plugins directory, in file-name order, each with a class loader of its own whose
 * parent is the application's: every jar sees the SPI and the JDK, and two vendors' dependencies
 * cannot clash. A file that is not a readable jar is logged and left out; a missing directory means
 * no plugins. {@link #close} closes the loaders, once the plugins are stopped.
 */
public final class PluginDirectory implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PluginDirectory.class.getName());

  private final Path directory;
  private final List<PluginJarLoader> loaders;

  private PluginDirectory(Path directory, List<PluginJarLoader> loaders) {
    this.directory = directory;
    this.loaders = List.copyOf(loaders);
  }

  /** No plugins directory at all: the server was given none. */
  public static PluginDirectory none() {
    LOG.info("No plugins directory (devices.plugins.dir is not set): built-in plugins only");
    return new PluginDirectory(null, List.of());
  }

  /** Opens a class loader for each {@code *.jar} of the directory. */
  public static PluginDirectory open(Path directory, ClassLoader application) {
    List<PluginJarLoader> loaders = new ArrayList<>();
    for (Path jar : listJars(directory)) {
      try {
        checkReadable(jar);
        loaders.add(new PluginJarLoader(jar, application));
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Skipped plugin jar " + jar + ": not a readable jar (" + e + ")", e);
      }
    }
    PluginDirectory opened = new PluginDirectory(directory, loaders);
    LOG.info(() -> "Plugins directory " + directory + ": " + opened.jarNames());
    return opened;
  }

  private static List<Path> listJars(Path directory) {
    if (!Files.exists(directory)) {
      LOG.info(() -> "Plugins directory " + directory + " does not exist: no vendor plugins");
      return List.of();
    }
    if (!Files.isDirectory(directory)) {
      LOG.warning(
          () -> "Plugins directory " + directory + " is not a directory: no vendor plugins");
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".jar"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException | SecurityException e) {
      LOG.log(
          Level.WARNING,
          "Plugins directory " + directory + " cannot be read: no vendor plugins",
          e);
      return List.of();
    }
  }

  /** A file that is not a jar would otherwise be ignored silently by its class loader. */
  private static void checkReadable(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      file.getManifest();
    }
  }

  /** The jars, in file-name order, each named by its file name. */
  public List<PluginSource> jars() {
    return loaders.stream().map(loader -> new PluginSource(loader.jarName(), loader)).toList();
  }

  private List<String> jarNames() {
    return loaders.stream().map(PluginJarLoader::jarName).toList();
  }

  @Override
  public void close() {
    for (PluginJarLoader loader : loaders) {
      try {
        loader.close();
      } catch (IOException e) {
        LOG.log(
            Level.WARNING,
            "Could not close the class loader of plugin jar "
                + loader.jarName()
                + " in "
                + directory,
            e);
      }
    }
  }
}
