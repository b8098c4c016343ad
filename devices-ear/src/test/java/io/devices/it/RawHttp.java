package io.devices.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes to the server over a plain socket, for requests that a well-behaved HTTP client
 * refuses to build (malformed escapes, invalid UTF-8 in the request line).
 */
public final class RawHttp {
  private RawHttp() {}

  /** The status line's code and the whole response as text. */
  public record Response(int status, String text) {
    public String body() {
      int start = text.indexOf("\r\n\r\n");
      return start < 0 ? "" : text.substring(start + 4);
    }
  }

  public static Response send(String request) {
    return send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  public static Response send(byte[] request) {
    try (Socket socket = new Socket("localhost", Integer.getInteger("it.http.port"))) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      return new Response(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
