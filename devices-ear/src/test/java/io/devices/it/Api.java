package io.devices.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The tests' one raw HTTP helper, for assertions on the wire format itself (statuses and exact
 * bodies of malformed requests, headers, encodings); set-up steps use the typed client ({@link
 * TestClients}, {@link Fixtures}). Bound to a server's base URL and, optionally, a bearer token.
 * Well-formed requests go through the JDK's HttpClient, exactly as given (paths and queries are not
 * re-encoded); requests no well-behaved client would build (malformed escapes, raw brackets,
 * invalid UTF-8, chunked bodies) go as bytes over a plain socket ({@link #socket(byte[])}).
 */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String baseUrl;
  private final String token;

  public Api(String baseUrl, String token) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
  }

  /**
   * The server of the integration tests, as the owner. The API lives at the server root (the web
   * module's context root is "/"), so the base URL is the server's, not a module URL.
   */
  public static Api owner() {
    return new Api(
        "http://localhost:" + System.getProperty("it.http.port"),
        System.getProperty("it.owner.token"));
  }

  public Api withToken(String otherToken) {
    return new Api(baseUrl, otherToken);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The bearer token it sends, or null. */
  public String token() {
    return token;
  }

  public ApiResponse get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  public ApiResponse post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(body(json)));
  }

  public ApiResponse patch(String path, String json) {
    return send(
        request(path).header("Content-Type", "application/json").method("PATCH", body(json)));
  }

  public ApiResponse delete(String path) {
    return send(request(path).DELETE());
  }

  /** A request with any method, headers and raw body bytes. */
  public ApiResponse raw(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request = request(path);
    if (headers.length > 0) {
      request.headers(headers);
    }
    BodyPublisher publisher =
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
    return send(request.method(method, publisher));
  }

  /** GETs an absolute URL without any token (a signed export link, say). */
  public static ApiResponse fetch(String url) {
    return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET());
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  public ApiResponse send(HttpRequest.Builder request) {
    return exchange(request);
  }

  private static ApiResponse exchange(HttpRequest.Builder request) {
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends the bytes of a request as written to this server's port over a plain socket and reads one
   * response: until its Content-Length or last chunk is in, or else until the server closes
   * (requests should carry {@code Connection: close}). So a refusal that comes while the server
   * still waits for an announced body is read too. The status is 0 when nothing parseable came
   * back.
   */
  public ApiResponse socket(byte[] request) {
    try (Socket socket = new Socket("localhost", URI.create(baseUrl).getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        response.write(buffer, 0, n);
        if (HttpWire.complete(response.toByteArray())) {
          break;
        }
      }
      return HttpWire.parse(response.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request head and body written as ISO-8859-1 text, one byte per character. */
  public ApiResponse socket(String request) {
    return socket(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** {@code body} in HTTP/1.1 chunked transfer coding, for {@link #socket(byte[])}. */
  public static byte[] chunked(byte[] body) {
    return HttpWire.chunked(body);
  }

  private static BodyPublisher body(String json) {
    return json == null
        ? BodyPublishers.noBody()
        : BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }
}
