/**
 * The plugin registry: finds implementations of the SPI with {@link java.util.ServiceLoader},
 * built-in ones on the application's class loader and vendors' in the jars of the plugins directory
 * (one class loader per jar), and keeps one broken plugin or jar from stopping the server.
 */
package io.devices.core.plugin;
