package io.devices.spi;

import java.util.Map;

/**
 * What every plugin of the devices server is: something found by {@link java.util.ServiceLoader}
 * under a stable id, built cheaply with a public no-argument constructor and brought to life by
 * {@link #start}.
 *
 * <p>Life cycle: the server calls {@link #start} once, before any other method but {@link #id}, and
 * {@link #stop} when it shuts down; a plugin that fails to start is logged and left out, never
 * fatal to the server. The constructor acquires nothing (no threads, connections or files): the
 * server may build an instance only to read its id. Implementations depend on the JDK alone.
 *
 * <p>The contract test kit ({@code devices-plugin-kit}) checks these rules against a plugin.
 */
public interface Plugin {
  /**
   * The rule every {@link #id} follows: lower-case letters, digits, {@code .}, {@code _} and {@code
   * -}, starting with a letter or digit, at most 64 characters. A plugin with another id is left
   * out.
   */
  String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

  /**
   * The stable id users name the plugin by, e.g. {@code csv} or {@code mqtt}: it matches {@link
   * #ID_PATTERN}, is the same on every instance and works before {@link #start}.
   */
  String id();

  /**
   * Acquires what the plugin needs (connections, threads). Called once, before any other use.
   *
   * @param config this plugin's settings, keys without the {@code devices.<kind>.<id>.} prefix
   * @throws Exception when the plugin cannot work, for instance a setting it cannot parse; the
   *     server then leaves it out and logs the exception's message, which should name the setting
   */
  default void start(Map<String, String> config) throws Exception {}

  /** Releases what {@link #start} acquired. Must not throw; a second call does nothing. */
  default void stop() {}
}
