package io.devices.spi.export;

import java.io.IOException;

/**
 * Writes one export. The server calls {@link #begin} once, {@link #device} once per device in id
 * order, then {@link #end} once, all from one thread. A writer keeps no more than it needs for the
 * current device: applications hold millions of them, so bytes reach the stream as the devices come
 * (a buffer of its own of up to a megabyte is fine). Any Unicode text in a device, and any number
 * of tags, is written so that it reads back unchanged.
 */
public interface ExportWriter {
  /** Writes what comes before the first device (a header row, an opening bracket). */
  void begin(ExportContext context) throws IOException;

  /** Writes one device. */
  void device(ExportedDevice device) throws IOException;

  /**
   * Writes what comes after the last device and flushes anything the writer buffered itself. The
   * server flushes, syncs and closes the underlying stream afterwards.
   */
  void end() throws IOException;
}
