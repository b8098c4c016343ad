/**
 * Export formats: how the devices of one application are written to a file. The server streams the
 * devices through an {@link io.devices.spi.export.ExportWriter} one at a time, so a format never
 * holds the whole fleet in memory.
 */
package io.devices.spi.export;
