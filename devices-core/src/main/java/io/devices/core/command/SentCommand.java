package io.devices.core.command;

import java.time.Instant;
import java.util.Optional;

/** A command as sent to one device: the command and that device's delivery of it. */
public record SentCommand(
    Command command, DeliveryState state, int attempts, Optional<Instant> deliveredAt) {}
