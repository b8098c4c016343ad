package io.devices.core.plugin;

import io.devices.spi.Plugin;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plugins of one kind, loaded once (on first use, normally at start-up) through the thread's
 * context class loader: in the server, the application's, which sees the EAR's libraries and the
 * plugins directory.
 */
public final class PluginRegistry<T extends Plugin> {
  private final Class<T> kind;
  private final Function<String, Map<String, String>> settingsOf;
  private volatile LoadedPlugins<T> loaded;

  /**
   * @param settingsOf the settings of a plugin, by id
   */
  public PluginRegistry(Class<T> kind, Function<String, Map<String, String>> settingsOf) {
    this.kind = kind;
    this.settingsOf = settingsOf;
  }

  public LoadedPlugins<T> loaded() {
    LoadedPlugins<T> current = loaded;
    if (current == null) {
      synchronized (this) {
        if (loaded == null) {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          loaded =
              PluginLoader.load(kind, loader != null ? loader : kind.getClassLoader(), settingsOf);
        }
        current = loaded;
      }
    }
    return current;
  }

  public Optional<T> find(String id) {
    return Optional.ofNullable(loaded().byId().get(id));
  }

  /** Stops the plugins, if they were ever loaded. */
  public void stop() {
    LoadedPlugins<T> current = loaded;
    if (current != null) {
      PluginLoader.stopAll(current.byId().values());
    }
  }
}
