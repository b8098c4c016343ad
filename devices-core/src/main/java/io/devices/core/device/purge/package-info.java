/**
 * The purge of deleted devices: a device deleted longer ago than {@code devices.device.retention}
 * is removed for good, with its command deliveries and its tag and attribute index rows, in bounded
 * batches, as a kind of work on the work engine.
 */
package io.devices.core.device.purge;
