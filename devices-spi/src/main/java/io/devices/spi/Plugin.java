package io.devices.spi;

import java.util.Map;

/**
 * What every plugin of the devices server is: something found by {@link java.util.ServiceLoader}
 * under a stable id, built cheaply with a public no-argument constructor and brought to life by
 * {@link #start}.
 *
 * <p>Life cycle: the server calls {@link #start} once, before any other method, and {@link #stop}
 * once when it shuts down; a plugin that fails to start is logged and left out, never fatal to the
 * server. Implementations depend on the JDK alone.
 */
public interface Plugin {
  /** The stable id users name the plugin by, e.g. {@code csv} or {@code mqtt}. */
  String id();

  /**
   * Acquires what the plugin needs (connections, threads). Called once, before any other use.
   *
   * @param config this plugin's settings, keys without the {@code devices.<kind>.<id>.} prefix
   * @throws Exception when the plugin cannot work; the server then leaves it out
   */
  default void start(Map<String, String> config) throws Exception {}

  /** Releases what {@link #start} acquired. Called once; must not throw. */
  default void stop() {}
}
