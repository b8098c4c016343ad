package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one delivery of an export's result is doing. */
@Schema(name = "ExportDelivery")
public record ExportDeliveryStatus(
    @Schema(enumeration = {"email", "callback"}) String channel,
    @Schema(description = "The email address or callback URL") String target,
    @Schema(enumeration = {"waiting", "pending", "delivered", "failed"}) String state,
    @Schema(description = "Attempts made so far") int attempts,
    @Schema(description = "Why the last attempt failed") String lastError,
    @Schema(description = "ISO-8601 UTC; when it was delivered") String deliveredAt) {}
