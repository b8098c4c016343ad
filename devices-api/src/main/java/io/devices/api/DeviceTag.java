package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device tag. */
@Schema(name = "DeviceTag")
public record DeviceTag(
    @Schema(pattern = "^[0-9a-zA-Z_-]{1,255}$", required = true) String key,
    @Schema(minLength = 1, maxLength = 255, required = true) String value) {}
