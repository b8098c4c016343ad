package io.devices.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes to the server over a plain socket, for requests that a well-behaved HTTP client
 * refuses to build (malformed escapes, raw brackets, invalid UTF-8 in the request line). Requests
 * should carry {@code Connection: close}: the response is read until the server closes.
 */
public final class RawHttp {
  private RawHttp() {}

  /**
   * The status line's code (0 when the server answered nothing parseable) and the whole response as
   * text.
   */
  public record Response(int status, String text) {
    /** The body, with a chunked transfer coding removed. */
    public String body() {
      int start = text.indexOf("\r\n\r\n");
      if (start < 0) {
        return "";
      }
      String body = text.substring(start + 4);
      String encoding = header("Transfer-Encoding");
      return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
          ? dechunk(body)
          : body;
    }

    /** The first value of a response header (case-insensitive name), or null. */
    public String header(String name) {
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String[] lines = head.split("\r\n");
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
          return lines[i].substring(colon + 1).trim();
        }
      }
      return null;
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
  }

  public static Response send(String request) {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  public static Response send(byte[] request) {
    return send(Integer.getInteger("it.http.port"), request);
  }

  /** Sends to a server on another port (for example a second server of a test). */
  public static Response send(int port, byte[] request) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      int status = 0;
      if (text.startsWith("HTTP/") && text.length() >= 12) {
        try {
          status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
          status = 0;
        }
      }
      return new Response(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code body} in HTTP/1.1 chunked transfer coding, in chunks of 64 KiB. */
  public static byte[] chunked(byte[] body) {
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
