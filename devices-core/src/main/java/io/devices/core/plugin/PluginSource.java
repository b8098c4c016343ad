package io.devices.core.plugin;

/**
 * Where plugins come from: the application's class loader (the built-ins) or one jar of the plugins
 * directory with a class loader of its own.
 *
 * @param name what the log calls it: {@code built-in} or the jar's file name
 * @param loader the class loader whose {@code META-INF/services} entries name this source's plugins
 */
public record PluginSource(String name, ClassLoader loader) {
  /** The plugins the application itself carries. */
  public static PluginSource builtIn(ClassLoader application) {
    return new PluginSource("built-in", application);
  }
}
