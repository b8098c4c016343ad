package io.devices.core.command;

import java.time.Instant;
import java.util.Optional;

/**
 * One device's delivery of a command, as the status endpoint shows it.
 *
 * @param transport the transport of the last attempt; empty before the first
 */
public record CommandDelivery(
    String deviceId,
    Optional<String> transport,
    DeliveryState state,
    int attempts,
    Optional<String> lastError,
    Optional<Instant> deliveredAt) {}
