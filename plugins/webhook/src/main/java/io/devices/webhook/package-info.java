/**
 * The {@code webhook} command transport: each command is POSTed as JSON to a per-device URL, signed
 * with HMAC-SHA256 so the receiver can tell it came from this server and is fresh. It depends on
 * the SPI and the JDK alone, as any vendor's plugin does; docs/plugins.md walks through it.
 */
package io.devices.webhook;
