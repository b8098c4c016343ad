package io.devices.web.health;

import io.devices.core.export.ExportSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while export files can be written: the directory exists (it is created, as an export
 * would) and a file can be created and deleted in it. Otherwise every export this server runs would
 * fail, so it should take no traffic until an operator fixes the volume.
 */
@Readiness
@ApplicationScoped
public class ExportDirectoryReadiness implements HealthCheck {
  private static final String NAME = "exportDirectory";

  @Inject ExportSettings settings;

  @Override
  public HealthCheckResponse call() {
    Path directory = settings.directory().toAbsolutePath();
    try {
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, ".readiness-", ".tmp"));
      return HealthCheckResponse.named(NAME).up().withData("path", directory.toString()).build();
    } catch (IOException | SecurityException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("path", directory.toString())
          .withData("error", reason(e))
          .build();
    }
  }

  /** What is wrong, without the stack trace: e.g. "not a directory" or "permission denied". */
  private static String reason(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
