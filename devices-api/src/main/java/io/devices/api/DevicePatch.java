package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Device Patch: each given field replaces the device's ({@code tags} and {@code attributes} as
 * whole lists), with Device Post's rules; absent fields keep theirs. No other fields are allowed.
 */
@Schema(name = "DevicePatch", additionalProperties = Schema.False.class)
public record DevicePatch(
    @Schema(minLength = 1, maxLength = 255) String name,
    @Schema(maxLength = 32767) String description,
    @Schema(description = "Tags in the order given; a key may repeat", maxItems = 100)
        List<DeviceTag> tags,
    @Schema(description = "Attribute names are unique within a device", maxItems = 256)
        List<DeviceAttribute> attributes,
    @Schema(
            enumeration = {
              "standalone",
              "gateway",
              "peripheral",
              "floating",
              "virtual",
              "edgeCompute",
              "system",
              "embedded"
            })
        String deviceClass,
    @Schema(
            pattern = "^[A-Fa-f0-9]{24}$",
            description = "Required for peripheral devices, forbidden otherwise; names a gateway")
        String gatewayId) {}
