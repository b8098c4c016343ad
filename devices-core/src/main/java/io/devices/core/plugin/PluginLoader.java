package io.devices.core.plugin;

import io.devices.spi.Plugin;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Discovers and starts the plugins of one kind. The server's own plugins and vendors' come through
 * the same {@link ServiceLoader}, source by source (the built-ins first, then each jar of the
 * plugins directory); a plugin whose class cannot be loaded, whose id is malformed or taken, or
 * whose {@code start} throws is logged, naming its source, and left out.
 */
public final class PluginLoader {
  private static final Logger LOG = Logger.getLogger(PluginLoader.class.getName());
  private static final Pattern ID = Pattern.compile(Plugin.ID_PATTERN);

  private PluginLoader() {}

  /**
   * @param sources where to look, in order: an id is taken by the first source that has it
   * @param configOf the settings of a plugin, by id
   */
  public static <T extends Plugin> LoadedPlugins<T> load(
      Class<T> kind, List<PluginSource> sources, Function<String, Map<String, String>> configOf) {
    Map<String, T> started = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (PluginSource source : sources) {
      Iterator<T> found = ServiceLoader.load(kind, source.loader()).iterator();
      while (true) {
        T plugin;
        try {
          if (!found.hasNext()) {
            break;
          }
          plugin = found.next();
        } catch (ServiceConfigurationError | LinkageError e) {
          failures.add(skip(kind, source, "a plugin that cannot be loaded", e));
          continue;
        }
        String failure = start(kind, source, plugin, started, configOf);
        if (failure != null) {
          failures.add(failure);
        }
      }
    }
    LOG.info(() -> kind.getSimpleName() + " plugins: " + started.keySet());
    return new LoadedPlugins<>(Map.copyOf(started), List.copyOf(failures));
  }

  private static <T extends Plugin> String start(
      Class<T> kind,
      PluginSource source,
      T plugin,
      Map<String, T> started,
      Function<String, Map<String, String>> configOf) {
    String name = plugin.getClass().getName();
    String id;
    try {
      id = plugin.id();
    } catch (RuntimeException | LinkageError e) {
      return skip(kind, source, name, e);
    }
    if (id == null || !ID.matcher(id).matches()) {
      return skip(kind, source, name, new IllegalArgumentException("malformed id " + id));
    }
    if (started.containsKey(id)) {
      return skip(kind, source, name, new IllegalArgumentException("the id " + id + " is taken"));
    }
    try {
      plugin.start(configOf.apply(id));
    } catch (Exception | LinkageError e) {
      return skip(kind, source, name + " (" + id + ")", e);
    }
    started.put(id, plugin);
    LOG.info(
        () ->
            "Started "
                + kind.getSimpleName()
                + " "
                + id
                + " ("
                + name
                + ", "
                + source.name()
                + ")");
    return null;
  }

  private static String skip(Class<?> kind, PluginSource source, String what, Throwable cause) {
    String message =
        "Skipped "
            + kind.getSimpleName()
            + " "
            + what
            + " from "
            + source.name()
            + ": "
            + cause
            + (cause.getCause() == null ? "" : " (" + cause.getCause() + ")");
    LOG.log(Level.WARNING, message, cause);
    return message;
  }

  /** Stops every plugin; a plugin that throws is logged and the others still stop. */
  public static void stopAll(Iterable<? extends Plugin> plugins) {
    for (Plugin plugin : plugins) {
      try {
        plugin.stop();
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.WARNING, "Plugin " + plugin.getClass().getName() + " failed to stop", e);
      }
    }
  }
}
