package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to Send Command: the command and its deliveries are recorded. */
@Schema(name = "CommandAccepted")
public record CommandAccepted(
    @Schema(description = "Always true") boolean success,
    @Schema(
            description =
                "The command's id, for GET /applications/{applicationId}/devices/commands/{commandId}",
            pattern = "^[a-f0-9]{24}$")
        String commandId) {}
