package io.devices.core.command;

/**
 * Fired when a command's deliveries are recorded; observed after commit to start at once (and to
 * count them).
 *
 * @param deliveries how many deliveries were recorded, one per selected device
 */
public record CommandQueued(String commandId, int deliveries) {}
