package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body that changes one device: any of Device Post's fields, with its rules; a given field
 * replaces the stored value (tags and attributes as whole lists), an absent one keeps it. At least
 * one field; no other fields are allowed.
 */
@Schema(name = "DevicePatch", additionalProperties = Schema.False.class, minProperties = 1)
public record DevicePatch(
    @Schema(minLength = 1, maxLength = 255) String name,
    @Schema(maxLength = 32767) String description,
    @Schema(
            description = "Replaces every tag, in the order given; a key may repeat",
            maxItems = 100)
        List<DeviceTag> tags,
    @Schema(description = "Replaces every attribute; names are unique", maxItems = 256)
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
            description =
                "A gateway that peripherals name cannot stop being one; a device that stops being a"
                    + " peripheral leaves its gateway")
        String deviceClass,
    @Schema(
            pattern = "^[A-Fa-f0-9]{24}$",
            description = "The gateway of a peripheral: a gateway device of the application")
        String gatewayId) {}
