package io.devices.core.command;

import java.time.Instant;
import java.util.Optional;

/** One device's delivery of a command, as the status endpoint shows it. */
public record CommandDelivery(
    String deviceId,
    String transport,
    DeliveryState state,
    int attempts,
    Optional<String> lastError,
    Optional<Instant> deliveredAt) {}
