package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One command sent to a device (Get Command), with that device's delivery of it. */
@Schema(name = "DeviceCommandEntry")
public record DeviceCommandEntry(
    @Schema(description = "The command's name") String name,
    @Schema(description = "The payload as sent (any JSON value)", type = SchemaType.OBJECT)
        Object payload,
    @Schema(description = "ISO-8601 UTC: the command's time") String time,
    @Schema(pattern = "^[a-f0-9]{24}$") String commandId,
    @Schema(
            description = "The delivery to this device",
            enumeration = {"pending", "delivered", "failed", "cancelled"})
        String state,
    @Schema(description = "Delivery attempts so far") int attempts,
    @Schema(description = "ISO-8601 UTC: when it was delivered; only once delivered")
        String deliveredAt) {}
