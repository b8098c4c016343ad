package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The selected devices' names: at most 1,000, sorted by name (case-insensitively, then id). */
@Schema(name = "DeviceNames")
public record DeviceNames(
    @Schema(description = "The devices, sorted by name") List<DeviceSummary> deviceSummary) {}
