package io.devices.core.command;

/** A command with how far its deliveries have come. */
public record CommandStatus(
    Command command, long pending, long delivered, long failed, long cancelled) {}
