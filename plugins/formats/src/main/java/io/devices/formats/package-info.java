/**
 * The built-in export formats: {@link io.devices.formats.CsvFormat} ({@code csv}), {@link
 * io.devices.formats.JsonFormat} ({@code json}) and {@link io.devices.formats.NdjsonFormat} ({@code
 * ndjson}), registered for {@link java.util.ServiceLoader} like any vendor's {@link
 * io.devices.spi.export.ExportFormat} and built on the SPI alone (and JSON-P, which the server
 * provides). Each format is stateless; each export gets its own writer, which streams one device at
 * a time and never closes the server's stream.
 */
package io.devices.formats;
