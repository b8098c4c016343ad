package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One device's delivery of a command. */
@Schema(name = "CommandDelivery")
public record CommandDeliveryStatus(
    @Schema(pattern = "^[a-f0-9]{24}$") String deviceId,
    @Schema(description = "The transport that delivers it", example = "mqtt") String transport,
    @Schema(enumeration = {"pending", "delivered", "failed"}) String state,
    @Schema(description = "Attempts made so far") int attempts,
    @Schema(description = "Why the last attempt did not deliver") String lastError,
    @Schema(description = "ISO-8601 UTC; when it was delivered") String deliveredAt) {}
