package io.devices.core.plugin;

import io.devices.spi.Plugin;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plugins installed in this server: the built-ins, on the application's class loader, and the
 * jars of the plugins directory ({@code devices.plugins.dir}, environment {@code
 * DEVICES_PLUGINS_DIR}), scanned once and shared by the registry of every kind. This works on any
 * Jakarta EE server: nothing depends on a server's shared libraries. At shutdown it stops every
 * plugin, then closes the jars' class loaders.
 */
@ApplicationScoped
public class InstalledPlugins {
  private Optional<Path> directory;
  private final List<PluginRegistry<?>> registries = new CopyOnWriteArrayList<>();
  private PluginDirectory opened;
  private List<PluginSource> sources;

  /** For the CDI proxy only. */
  protected InstalledPlugins() {}

  @Inject
  public InstalledPlugins(
      @ConfigProperty(name = "devices.plugins.dir") Optional<String> directory) {
    // A relative path resolves against the working directory, once, so that the log names it.
    this.directory =
        directory.filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir).toAbsolutePath());
  }

  /**
   * The registry of one kind of plugin.
   *
   * @param settingsOf the settings of a plugin, by id
   */
  public <T extends Plugin> PluginRegistry<T> registry(
      Class<T> kind, Function<String, Map<String, String>> settingsOf) {
    PluginRegistry<T> registry = new PluginRegistry<>(kind, settingsOf, this::sources);
    registries.add(registry);
    return registry;
  }

  /**
   * The built-ins first, so that a jar cannot take a built-in's id, then the jars by file name. The
   * application's loader is the thread's context class loader at the first load (start-up).
   */
  private synchronized List<PluginSource> sources() {
    if (sources == null) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      ClassLoader application = context != null ? context : getClass().getClassLoader();
      opened =
          directory
              .map(dir -> PluginDirectory.open(dir, application))
              .orElseGet(PluginDirectory::none);
      List<PluginSource> all = new ArrayList<>();
      all.add(PluginSource.builtIn(application));
      all.addAll(opened.jars());
      sources = List.copyOf(all);
    }
    return sources;
  }

  @PreDestroy
  synchronized void stop() {
    registries.forEach(PluginRegistry::stop);
    if (opened != null) {
      opened.close();
    }
  }
}
