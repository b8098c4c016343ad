package io.devices.core.plugin;

import io.devices.spi.Plugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The plugins of one kind, loaded once from the installed sources (on first use: at start-up). */
public final class PluginRegistry<T extends Plugin> {
  private final Class<T> kind;
  private final Function<String, Map<String, String>> settingsOf;
  private final Supplier<List<PluginSource>> sources;
  private volatile LoadedPlugins<T> loaded;

  /**
   * @param settingsOf the settings of a plugin, by id
   * @param sources where the plugins come from, asked once
   */
  PluginRegistry(
      Class<T> kind,
      Function<String, Map<String, String>> settingsOf,
      Supplier<List<PluginSource>> sources) {
    this.kind = kind;
    this.settingsOf = settingsOf;
    this.sources = sources;
  }

  public LoadedPlugins<T> loaded() {
    LoadedPlugins<T> current = loaded;
    if (current == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = PluginLoader.load(kind, sources.get(), settingsOf);
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
  void stop() {
    LoadedPlugins<T> current = loaded;
    if (current != null) {
      PluginLoader.stopAll(current.byId().values());
    }
  }
}
