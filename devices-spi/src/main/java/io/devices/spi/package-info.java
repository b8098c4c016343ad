/**
 * The plugin interfaces of the devices server. A vendor writes a plugin against this package alone:
 * it depends on nothing but the JDK.
 */
package io.devices.spi;
