package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that creates a device. No other fields are allowed. */
@Schema(name = "DevicePost", additionalProperties = Schema.False.class)
public record DevicePost(
    @Schema(minLength = 1, maxLength = 255, required = true) String name,
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
            },
            defaultValue = "standalone")
        String deviceClass,
    @Schema(
            pattern = "^[A-Fa-f0-9]{24}$",
            description = "Required for peripheral devices, forbidden otherwise; names a gateway")
        String gatewayId) {}
