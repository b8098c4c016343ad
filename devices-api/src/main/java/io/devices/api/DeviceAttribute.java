package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device attribute. */
@Schema(name = "DeviceAttribute")
public record DeviceAttribute(
    @Schema(pattern = "^[0-9a-zA-Z_-]{1,255}$", required = true) String name,
    @Schema(
            enumeration = {"string", "number", "gps", "boolean"},
            required = true)
        String dataType) {}
