package io.devices.core.export;

import java.util.List;
import java.util.Optional;

/**
 * An export job as its requester sees it.
 *
 * @param url the download link while the file can be downloaded
 */
public record ExportStatus(ExportJob job, List<ExportDelivery> deliveries, Optional<String> url) {}
