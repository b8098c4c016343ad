package io.devices.api.client;

import java.nio.charset.StandardCharsets;

/**
 * A downloaded export file.
 *
 * @param mediaType the Content-Type the server sent, e.g. {@code text/csv; charset=UTF-8}
 * @param fileName the file name of its Content-Disposition, or null
 */
public record ExportFile(String mediaType, String fileName, byte[] content) {
  /** The content as UTF-8 text (the built-in formats are text). */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
