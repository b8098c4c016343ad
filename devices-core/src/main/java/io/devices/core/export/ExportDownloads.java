package io.devices.core.export;

import io.devices.core.common.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;

/** Opens export files for download by their signed link. */
@ApplicationScoped
public class ExportDownloads {
  @Inject ExportJobs jobs;
  @Inject ExportFiles files;
  @Inject DownloadLinks links;
  @Inject Clock clock;

  /** A file to send, with its media type and the name to save it under. */
  public record Download(Path path, String mediaType, String fileName) {}

  /**
   * @throws DomainException NOT_FOUND when the link is wrong, expired or its file is gone: all look
   *     the same, so a link reveals nothing about exports it does not sign
   */
  public Download open(String exportId, String signature) {
    if (exportId == null || signature == null || !links.verify(exportId, signature)) {
      throw DomainException.notFound("Export");
    }
    ExportJob job =
        jobs.find(exportId)
            .filter(j -> j.downloadableAt(clock.instant()))
            .orElseThrow(() -> DomainException.notFound("Export"));
    String fileName = job.fileName().orElseThrow(() -> DomainException.notFound("Export"));
    Path path = files.find(fileName).orElseThrow(() -> DomainException.notFound("Export"));
    return new Download(
        path,
        job.mediaType().orElse("application/octet-stream"),
        "devices-" + job.applicationId() + "-" + fileName);
  }
}
