package io.devices.core.work;

/**
 * Fired in the transaction that recorded new work of a kind; the engine starts workers for that
 * kind once the transaction has committed, rather than at the next poll.
 */
public record WorkQueued(String kind) {}
