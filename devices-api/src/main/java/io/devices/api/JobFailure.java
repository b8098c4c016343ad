package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One device a bulk change failed, and why. */
@Schema(name = "JobFailure")
public record JobFailure(
    @Schema(pattern = "^[a-f0-9]{24}$") String deviceId,
    @Schema(description = "Why the change could not apply to the device") String reason) {}
