package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An export job: its state, its result and how its deliveries are doing. */
@Schema(name = "ExportStatus")
public record ExportStatus(
    @Schema(pattern = "^[a-f0-9]{24}$") String exportId,
    @Schema(description = "The application id") String applicationId,
    @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
    @Schema(description = "The export format's id", example = "csv") String format,
    @Schema(description = "Devices in the file, once succeeded") Long deviceCount,
    @Schema(description = "Attempts made so far") int attempts,
    @Schema(description = "Why the last attempt failed") ErrorBody error,
    @Schema(description = "ISO-8601 UTC") String creationDate,
    @Schema(description = "ISO-8601 UTC; when the last attempt started") String startedAt,
    @Schema(description = "ISO-8601 UTC") String finishedAt,
    @Schema(description = "ISO-8601 UTC; when the download link stops working") String expiresAt,
    @Schema(description = "The download link, while it works") String url,
    @Schema(description = "The email and callback deliveries")
        List<ExportDeliveryStatus> deliveries) {}
