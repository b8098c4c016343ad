package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device as Device Names lists it. */
@Schema(name = "DeviceSummary")
public record DeviceSummary(
    @Schema(pattern = "^[a-f0-9]{24}$") String id, String name, String deviceClass) {}
