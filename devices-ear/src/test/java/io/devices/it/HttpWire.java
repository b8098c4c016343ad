package io.devices.it;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** HTTP/1.1 message framing for the raw socket exchanges of {@link Api}: parse and chunk. */
final class HttpWire {
  private HttpWire() {}

  /**
   * A response read to the end of its connection: the status line's code (0 when nothing parseable
   * came back), the head's fields and the body, with a chunked transfer coding removed.
   */
  static ApiResponse parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    HttpHeaders headers = headers(head);
    boolean chunked =
        headers
            .firstValue("Transfer-Encoding")
            .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
            .orElse(false);
    return new ApiResponse(status(text), headers, chunked ? dechunk(body) : body);
  }

  /**
   * Whether {@code received} holds one whole response: its head, and its Content-Length of body or
   * its last chunk. A response framed by neither ends with the connection.
   */
  static boolean complete(byte[] received) {
    String text = new String(received, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    HttpHeaders headers = headers(text.substring(0, end));
    var length = headers.firstValue("Content-Length");
    if (length.isPresent()) {
      return received.length >= end + 4 + Long.parseLong(length.get());
    }
    return headers.firstValue("Transfer-Encoding").orElse("").contains("chunked")
        && text.endsWith("0\r\n\r\n");
  }

  private static int status(String text) {
    if (text.startsWith("HTTP/") && text.length() >= 12) {
      try {
        return Integer.parseInt(text.substring(9, 12));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static HttpHeaders headers(String head) {
    Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        fields
            .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return HttpHeaders.of(fields, (name, value) -> true);
  }

  private static String dechunk(String chunked) {
    // Chunk sizes count bytes: work on the UTF-8 bytes (the text was decoded from them).
    byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < bytes.length) {
      int lineEnd = at;
      while (lineEnd + 1 < bytes.length
          && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      if (lineEnd + 1 >= bytes.length) {
        break;
      }
      String size =
          new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int length;
      try {
        length = Integer.parseInt(size, 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (length == 0) {
        break;
      }
      int from = lineEnd + 2;
      int to = Math.min(bytes.length, from + length);
      body.write(bytes, from, to - from);
      at = to + 2;
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  /** {@code body} in HTTP/1.1 chunked transfer coding, in chunks of 64 KiB. */
  static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int chunk = 64 * 1024;
    for (int at = 0; at < body.length; at += chunk) {
      int length = Math.min(chunk, body.length - at);
      out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, length);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
