package io.devices.spi.export;

import io.devices.spi.Plugin;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A file format for device exports, found by {@link java.util.ServiceLoader} under {@code
 * META-INF/services/io.devices.spi.export.ExportFormat}. Users pick it by {@link #id()} with the
 * export's {@code format} query parameter.
 *
 * <p><b>Threading.</b> One format instance serves every export of the server, several at once: it
 * must be stateless or thread-safe. Each export gets its own {@link ExportWriter} from {@link
 * #open}, which only one thread uses.
 *
 * <p><b>Failure.</b> An exception from {@link #open} or from the writer fails that export's
 * attempt: the server discards the partial file and retries the job later, up to its attempt limit,
 * then reports the failure (by callback and email) with the exception's message. A format never
 * deletes, renames or closes the stream it was given; the server owns it.
 */
public interface ExportFormat extends Plugin {
  /**
   * The media type the file is served with, {@code type/subtype} with optional parameters, e.g.
   * {@code text/csv; charset=UTF-8}.
   */
  String mediaType();

  /** The file name extension without the dot, lower-case letters and digits, e.g. {@code csv}. */
  String fileExtension();

  /**
   * Starts writing one export to {@code out}, which the server buffers. Every call gives a new
   * writer, independent of the others: two exports at once give the same bytes as each alone. The
   * writer's {@link ExportWriter#begin} is called next.
   */
  ExportWriter open(OutputStream out) throws IOException;
}
