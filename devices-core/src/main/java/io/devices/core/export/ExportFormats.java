package io.devices.core.export;

import io.devices.core.common.DomainException;
import io.devices.core.plugin.InstalledPlugins;
import io.devices.core.plugin.PluginRegistry;
import io.devices.core.plugin.PluginSettings;
import io.devices.spi.export.ExportFormat;
import jakarta.annotation.PostConstruct;
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
 * found once at start-up. A format's settings are the keys {@code devices.export.<id>.*}.
 */
@ApplicationScoped
public class ExportFormats {
  /** The format of an export that names none. */
  public static final String DEFAULT = "csv";

  @Inject Config config;
  @Inject InstalledPlugins installed;
  private PluginRegistry<ExportFormat> registry;

  @PostConstruct
  void init() {
    registry =
        installed.registry(
            ExportFormat.class, id -> PluginSettings.under(config, "devices.export." + id));
  }

  void load(@Observes Startup startup) {
    registry.loaded();
  }

  public Optional<ExportFormat> find(String id) {
    return registry.find(id);
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
    return List.copyOf(new TreeSet<>(registry.loaded().byId().keySet()));
  }

  /** Why plugins were left out, for operators. */
  public List<String> failures() {
    return registry.loaded().failures();
  }
}
