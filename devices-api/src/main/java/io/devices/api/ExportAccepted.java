package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an export request: it is recorded and will run in the background. */
@Schema(name = "ExportAccepted")
public record ExportAccepted(
    @Schema(description = "Always true") boolean success,
    @Schema(
            description =
                "The export job's id, for GET /applications/{applicationId}/devices/exports/{exportId}",
            pattern = "^[a-f0-9]{24}$")
        String exportId) {}
