package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sent command and how far its deliveries have come. */
@Schema(name = "CommandStatus")
public record CommandStatus(
    @Schema(pattern = "^[a-f0-9]{24}$") String commandId,
    @Schema(description = "The application id") String applicationId,
    @Schema(description = "The command's name") String name,
    @Schema(description = "The payload as sent (any JSON value)") Object payload,
    @Schema(description = "ISO-8601 UTC: the command's time") String time,
    @Schema(description = "ISO-8601 UTC: when it was sent") String creationDate,
    @Schema(description = "ISO-8601 UTC: deliveries still pending then fail") String expiresAt,
    @Schema(description = "Devices selected") long targeted,
    @Schema(description = "Deliveries not yet made") long pending,
    @Schema(description = "Deliveries made") long delivered,
    @Schema(description = "Deliveries given up") long failed,
    @Schema(description = "Deliveries cancelled, never sent: their device was deleted")
        long cancelled) {}
