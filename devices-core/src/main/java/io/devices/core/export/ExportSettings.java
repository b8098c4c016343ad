package io.devices.core.export;

import io.devices.core.common.Secrets;
import io.devices.core.work.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code devices.export.*} settings. Each is also settable by its environment variable form,
 * e.g. {@code DEVICES_EXPORT_DIR}.
 */
@ApplicationScoped
public class ExportSettings {
  private Path directory;
  private Duration linkLifetime;
  private Duration lease;
  private Duration pollInterval;
  private int maxAttempts;
  private Duration retryDelay;
  private int workers;
  private int chunkSize;
  private Duration cleanupInterval;
  private Optional<String> signingKey;
  private Optional<String> publicUrl;

  /** For the CDI proxy only. */
  protected ExportSettings() {}

  @Inject
  public ExportSettings(
      // Relative paths resolve against the server's working directory: Liberty's output dir.
      @ConfigProperty(name = "devices.export.dir", defaultValue = "exports") String directory,
      @ConfigProperty(name = "devices.export.link-lifetime", defaultValue = "PT24H")
          Duration linkLifetime,
      @ConfigProperty(name = "devices.export.lease", defaultValue = "PT60S") Duration lease,
      @ConfigProperty(name = "devices.export.poll-interval", defaultValue = "PT2S")
          Duration pollInterval,
      @ConfigProperty(name = "devices.export.max-attempts", defaultValue = "3") int maxAttempts,
      @ConfigProperty(name = "devices.export.retry-delay", defaultValue = "PT10S")
          Duration retryDelay,
      @ConfigProperty(name = "devices.export.workers", defaultValue = "2") int workers,
      @ConfigProperty(name = "devices.export.chunk-size", defaultValue = "2000") int chunkSize,
      @ConfigProperty(name = "devices.export.cleanup-interval", defaultValue = "PT1M")
          Duration cleanupInterval,
      @ConfigProperty(name = "devices.export.signing-key") Optional<String> signingKey,
      @ConfigProperty(name = "devices.public-url") Optional<String> publicUrl) {
    this.directory = Path.of(directory).toAbsolutePath();
    this.linkLifetime = linkLifetime;
    this.lease = lease;
    this.pollInterval = pollInterval;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.retryDelay = retryDelay;
    this.workers = Math.max(1, workers);
    this.chunkSize = Math.max(1, chunkSize);
    this.cleanupInterval = cleanupInterval;
    this.signingKey = signingKey.filter(k -> !k.isBlank());
    this.publicUrl = publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""));
  }

  /** For diagnostics: the signing key shows only whether it is set. */
  @Override
  public String toString() {
    return "ExportSettings[directory="
        + directory
        + ", linkLifetime="
        + linkLifetime
        + ", workers="
        + workers
        + ", signingKey="
        + Secrets.masked(signingKey)
        + ", publicUrl="
        + publicUrl.orElse("(request's)")
        + "]";
  }

  /** Where finished export files are kept. */
  public Path directory() {
    return directory;
  }

  /** How long a download link works after the export finished. */
  public Duration linkLifetime() {
    return linkLifetime;
  }

  /** How long a worker's claim on a job lasts unless renewed; a crashed worker's claim expires. */
  public Duration lease() {
    return lease;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  /** Attempts of one job before it fails for good. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The waits between attempts: retry-delay before the second, doubling with each further one (no
   * cap within max-attempts), until max-attempts.
   */
  public Backoff retries() {
    return Backoff.uncapped(retryDelay, maxAttempts);
  }

  /** Exports one server runs at once. */
  public int workers() {
    return workers;
  }

  /** Devices read per query. */
  public int chunkSize() {
    return chunkSize;
  }

  /** How often expired files and abandoned partial files are deleted. */
  public Duration cleanupInterval() {
    return cleanupInterval;
  }

  /** The base64 key that signs download links; without it one is kept in the database. */
  public Optional<String> signingKey() {
    return signingKey;
  }

  /** The server's public base URL for links, when the request's own is not the one to use. */
  public Optional<String> publicUrl() {
    return publicUrl;
  }
}
