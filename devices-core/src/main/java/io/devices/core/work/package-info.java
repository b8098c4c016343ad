/**
 * The one engine for durable background work: kinds of work ({@link io.devices.core.work.WorkKind})
 * claimed with leases, run by {@link io.devices.core.work.WorkEngine} on Jakarta Concurrency, with
 * one backoff policy ({@link io.devices.core.work.Backoff}), one set of metrics and one clean stop.
 */
package io.devices.core.work;
