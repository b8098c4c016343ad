package io.devices.plugin.kit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.devices.spi.Plugin;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the kit checks of every plugin: its id, its registration, its constructor, and its life
 * cycle. The kit builds each instance the way the server does, through {@link ServiceLoader} from
 * the plugin's {@code META-INF/services} file, and stops what it started after each test.
 *
 * @param <P> the kind of plugin
 */
public abstract class PluginContract<P extends Plugin> {
  private final Class<P> kind;
  private final List<P> started = new ArrayList<>();

  PluginContract(Class<P> kind) {
    this.kind = kind;
  }

  /** The class under test, as registered in {@code META-INF/services/<kind>}. */
  protected abstract Class<? extends P> pluginClass();

  /** The settings that start the plugin against the test's target (keys without prefix). */
  protected Map<String, String> settings() {
    return Map.of();
  }

  /**
   * Settings that {@link Plugin#start} must refuse, e.g. an unparsable number. Override it when the
   * plugin has settings. Empty, the default, declares a plugin without settings: the kit then
   * checks that it starts whatever keys it is given, as the server passes on every key under the
   * plugin's prefix.
   */
  protected Optional<Map<String, String>> invalidSettings() {
    return Optional.empty();
  }

  /** A new instance, built by the {@link ServiceLoader} as the server builds it; not started. */
  protected final P newPlugin() {
    return ServiceLoader.load(kind, pluginClass().getClassLoader()).stream()
        .filter(provider -> provider.type() == pluginClass())
        .findFirst()
        .map(ServiceLoader.Provider::get)
        .orElseThrow(() -> new AssertionError(notRegistered()));
  }

  /** A new instance started with {@link #settings()}; the kit stops it after the test. */
  protected final P startedPlugin() throws Exception {
    P plugin = newPlugin();
    started.add(plugin);
    plugin.start(settings());
    return plugin;
  }

  @AfterEach
  final void stopStartedPlugins() {
    started.forEach(Plugin::stop);
    started.clear();
  }

  @Test
  final void thePluginIsRegisteredForTheServiceLoader() {
    boolean registered =
        ServiceLoader.load(kind, pluginClass().getClassLoader()).stream()
            .anyMatch(provider -> provider.type() == pluginClass());
    assertTrue(registered, notRegistered());
  }

  @Test
  final void itHasAPublicNoArgumentConstructor() {
    Class<? extends P> type = pluginClass();
    assertTrue(Modifier.isPublic(type.getModifiers()), type + " is public");
    assertTrue(!Modifier.isAbstract(type.getModifiers()), type + " is not abstract");
    try {
      assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()));
    } catch (NoSuchMethodException e) {
      fail(type + " has no public no-argument constructor");
    }
  }

  @Test
  final void theIdFollowsTheServersRuleAndIsStable() throws Exception {
    String id = newPlugin().id();
    assertTrue(
        id != null && id.matches(Plugin.ID_PATTERN), "id " + id + " matches " + Plugin.ID_PATTERN);
    assertEquals(id, newPlugin().id(), "every instance has the same id");
    assertEquals(id, startedPlugin().id(), "the id does not change on start");
  }

  @Test
  final void itStartsWithItsSettings() {
    assertDoesNotThrow(this::startedPlugin, "start with " + settings().keySet());
  }

  @Test
  final void itRefusesInvalidSettingsOrHasNone() {
    Optional<Map<String, String>> invalid = invalidSettings();
    if (invalid.isPresent()) {
      // As on the server, a plugin that failed to start is not stopped: start cleans up itself.
      assertThrows(
          Exception.class, () -> newPlugin().start(invalid.get()), "start with " + invalid.get());
    } else {
      P plugin = newPlugin();
      started.add(plugin);
      Map<String, String> unknown = new HashMap<>(settings());
      unknown.put("a-key-nobody-reads", "x");
      assertDoesNotThrow(() -> plugin.start(unknown), "a plugin without settings ignores keys");
    }
  }

  @Test
  final void stopTwiceIsHarmless() throws Exception {
    P plugin = startedPlugin();
    assertDoesNotThrow(plugin::stop);
    assertDoesNotThrow(plugin::stop);
  }

  private String notRegistered() {
    return pluginClass().getName()
        + " is not listed in META-INF/services/"
        + kind.getName()
        + ": the server would not find it";
  }
}
