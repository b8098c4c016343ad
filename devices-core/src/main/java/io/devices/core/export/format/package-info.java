/**
 * The built-in export formats: {@link io.devices.core.export.format.CsvFormat} ({@code csv}),
 * {@link io.devices.core.export.format.JsonFormat} ({@code json}) and {@link
 * io.devices.core.export.format.NdjsonFormat} ({@code ndjson}), registered for {@link
 * java.util.ServiceLoader} like any third-party {@link io.devices.spi.export.ExportFormat}. Each
 * format is stateless; each export gets its own writer, which streams one device at a time and
 * never closes the server's stream.
 */
package io.devices.core.export.format;
