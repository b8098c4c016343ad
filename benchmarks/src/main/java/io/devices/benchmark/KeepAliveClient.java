package io.devices.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection with keep-alive on a plain blocking socket, for a load client that runs a
 * closed loop on one thread: no selector thread or executor hand-offs per request (what the JDK
 * HttpClient costs), so the two cores the generator shares with the server mostly serve requests.
 * Reads Content-Length and chunked bodies; reconnects after {@code Connection: close} (Liberty
 * closes a connection after its {@code maxKeepAliveRequests}) or after a failure. Loopback only.
 */
final class KeepAliveClient implements AutoCloseable {
  /** A status and the raw body. */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final InetAddress host;
  private final int port;
  private final byte[] fixedHeaders;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int connects;

  KeepAliveClient(InetAddress host, int port, String ownerToken) {
    if (!host.isLoopbackAddress()) {
      throw new IllegalArgumentException("the load client talks to loopback only, not " + host);
    }
    this.host = host;
    this.port = port;
    this.fixedHeaders =
        ("Host: "
                + host.getHostAddress()
                + ":"
                + port
                + "\r\nAuthorization: Bearer "
                + ownerToken
                + "\r\nAccept: application/json\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
  }

  Response get(String pathAndQuery) throws IOException {
    return exchange("GET", pathAndQuery, null);
  }

  Response post(String path, String json) throws IOException {
    return exchange("POST", path, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Connections opened so far (1 per client when keep-alive holds). */
  int connects() {
    return connects;
  }

  private Response exchange(String method, String path, byte[] body) throws IOException {
    boolean reused = socket != null;
    try {
      if (!reused) {
        connect();
      }
      writeRequest(method, path, body);
      return readResponse();
    } catch (StaleConnection e) {
      close();
      if (!reused) {
        throw e;
      }
      // The server closed an idle kept-alive connection before reading the request: resend once.
      return exchange(method, path, body);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The connection ended before the first byte of a response. */
  private static final class StaleConnection extends EOFException {
    StaleConnection() {
      super("connection closed before the response");
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(60_000);
    socket.connect(new InetSocketAddress(host, port), 10_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    connects++;
  }

  private void writeRequest(String method, String path, byte[] body) throws IOException {
    out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(fixedHeaders);
    if (body != null) {
      out.write(
          ("Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write('\r');
    out.write('\n');
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  private Response readResponse() throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new StaleConnection();
    }
    String statusLine = (char) first + readLine();
    if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closing = value.contains("close");
        default -> {}
      }
    }
    byte[] body = chunked ? readChunked() : length >= 0 ? readExactly((int) length) : null;
    if (body == null) {
      // Neither length nor chunks: the body runs to the end of the connection.
      body = in.readAllBytes();
      closing = true;
    }
    if (closing) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = readLine();
      int semicolon = size.indexOf(';');
      int length =
          Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (length == 0) {
        for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
          // trailers are not used
        }
        return body.toByteArray();
      }
      body.write(readExactly(length));
      readLine();
    }
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("body ended after " + bytes.length + " of " + length + " bytes");
    }
    return bytes;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
