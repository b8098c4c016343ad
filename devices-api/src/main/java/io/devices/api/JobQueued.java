package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a bulk change recorded as a job: it runs in the background. */
@Schema(name = "JobQueued")
public record JobQueued(
    @Schema(description = "Always true") boolean success,
    @Schema(description = "Always true") boolean jobQueued,
    @Schema(
            description =
                "The job's id, for GET /applications/{applicationId}/devices/jobs/{jobId}",
            pattern = "^[a-f0-9]{24}$")
        String jobId) {}
