/**
 * The plugin registry: finds implementations of the SPI with {@link java.util.ServiceLoader},
 * built-in and vendor ones alike, and keeps one broken plugin from stopping the server.
 */
package io.devices.core.plugin;
