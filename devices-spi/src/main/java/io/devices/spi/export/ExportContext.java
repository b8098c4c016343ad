package io.devices.spi.export;

import java.time.Instant;

/**
 * What an export is about.
 *
 * @param exportId the export job's id
 * @param applicationId the application whose devices are exported
 * @param applicationName the application's name at the time of the export
 * @param startedAt when this attempt of the export started
 */
public record ExportContext(
    String exportId, String applicationId, String applicationName, Instant startedAt) {}
