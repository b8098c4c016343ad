package io.devices.core.export;

import io.devices.core.common.DomainException;
import io.devices.core.plugin.LoadedPlugins;
import io.devices.core.plugin.PluginLoader;
import io.devices.core.plugin.PluginSettings;
import io.devices.spi.export.ExportFormat;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The installed export formats: the built-in ones and those in the server's plugins directory,
 * found once at start-up through the application's class loader, which sees both.
 */
@ApplicationScoped
public class ExportFormats {
  /** The format of an export that names none. */
  public static final String DEFAULT = "csv";

  @Inject Config config;
  private volatile LoadedPlugins<ExportFormat> loaded;

  void load(@Observes Startup startup) {
    loaded();
  }

  private LoadedPlugins<ExportFormat> loaded() {
    LoadedPlugins<ExportFormat> current = loaded;
    if (current == null) {
      synchronized (this) {
        if (loaded == null) {
          ClassLoader loader = Thread.currentThread().getContextClassLoader();
          loaded =
              PluginLoader.load(
                  ExportFormat.class,
                  loader != null ? loader : ExportFormat.class.getClassLoader(),
                  id -> PluginSettings.under(config, "devices.export." + id));
        }
        current = loaded;
      }
    }
    return current;
  }

  public Optional<ExportFormat> find(String id) {
    return Optional.ofNullable(loaded().byId().get(id));
  }

  /**
   * @throws DomainException VALIDATION naming the installed formats when none has this id
   */
  public ExportFormat require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                DomainException.validation(
                    "format must be one of the installed export formats: "
                        + String.join(", ", ids())));
  }

  /** The ids of the installed formats, sorted. */
  public List<String> ids() {
    return List.copyOf(new TreeSet<>(loaded().byId().keySet()));
  }

  /** Why plugins were left out, for operators. */
  public List<String> failures() {
    return loaded().failures();
  }

  @PreDestroy
  void stop() {
    if (loaded != null) {
      PluginLoader.stopAll(loaded.byId().values());
    }
  }
}
