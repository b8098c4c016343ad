package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Send Command body: a command and the devices it goes to. */
@Schema(name = "MultiDeviceCommand")
public record MultiDeviceCommand(
    @Schema(description = "The command's name", minLength = 1, maxLength = 255, required = true)
        String name,
    @Schema(description = "Any JSON value", type = SchemaType.OBJECT) Object payload,
    @Schema(
            description =
                "ISO-8601 string, milliseconds since the epoch or {\"$date\": ISO-8601}; default now")
        Object time,
    @Schema(description = "Devices by id", maxItems = 10000) List<String> deviceIds,
    @Schema(description = "Devices by tag: any entry matches", maxItems = 100)
        List<DeviceTag> deviceTags) {}
