package io.devices.core.command;

/**
 * Fired after a claimed batch's outcomes are committed: how many deliveries reached their device's
 * transport and how many failed for good (retries are neither).
 */
public record DeliveriesRecorded(int delivered, int failed) {}
