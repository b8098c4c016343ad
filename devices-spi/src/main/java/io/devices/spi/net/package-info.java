/**
 * Network rules a plugin that calls out shares with the server, so that a vendor's transport
 * refuses the same internal targets as the server's own callbacks.
 */
package io.devices.spi.net;
