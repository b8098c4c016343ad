package io.devices.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for the tests, bound to the server's base URL and, optionally, a bearer
 * token. It sends exactly what it is given: paths and queries are not re-encoded.
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

  private static BodyPublisher body(String json) {
    return json == null
        ? BodyPublishers.noBody()
        : BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }
}
