package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a device is connected, and since when. */
@Schema(name = "ConnectionInfo")
public record ConnectionInfo(
    @Schema(description = "1 connected, 0 disconnected, null unknown", nullable = true)
        Integer connected,
    @Schema(description = "ISO-8601 time of the last change") String time) {}
