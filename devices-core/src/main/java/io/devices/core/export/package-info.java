/**
 * Exports of all devices of an application: durable jobs run in the background by leased workers,
 * files written by a pluggable format, delivered by email and callback with retries, downloaded
 * through signed links that expire.
 */
package io.devices.core.export;
