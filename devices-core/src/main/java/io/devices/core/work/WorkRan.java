package io.devices.core.work;

/**
 * Fired (synchronously, on the worker) when a worker did one unit of a kind, or when it threw and
 * ended; the metrics count these.
 *
 * @param failed whether the worker threw rather than finishing a unit
 */
public record WorkRan(String kind, boolean failed) {}
