package io.devices.core.plugin;

import io.devices.spi.Plugin;
import java.util.List;
import java.util.Map;

/**
 * The plugins of one kind that started, by id, and what was skipped and why.
 *
 * @param failures one message per plugin left out
 */
public record LoadedPlugins<T extends Plugin>(Map<String, T> byId, List<String> failures) {}
