package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that sends a command to one device. No other fields are allowed. */
@Schema(name = "DeviceCommand", additionalProperties = Schema.False.class)
public record DeviceCommand(
    @Schema(description = "The command's name", minLength = 1, maxLength = 255, required = true)
        String name,
    @Schema(description = "Any JSON value", type = SchemaType.OBJECT) Object payload,
    @Schema(
            description =
                "ISO-8601 string, milliseconds since the epoch or {\"$date\": ISO-8601}; default now")
        Object time) {}
