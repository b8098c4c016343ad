package io.devices.api.client;

import io.devices.api.ErrorBody;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * The server at one base URI with one bearer token: builds each request from an already encoded
 * path and query, sends it, and turns the answer into a record or a {@link DevicesApiException}.
 */
final class Endpoint {
  private static final String REQUEST_ID = "X-Request-Id";

  private final Client http;
  private final String base;
  private final String authorization;

  Endpoint(Client http, URI base, String token) {
    String text = base.toString();
    this.http = http;
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.authorization = token == null ? null : "Bearer " + token;
  }

  Endpoint withToken(String token) {
    return new Endpoint(http, URI.create(base), token);
  }

  <T> T get(String path, Map<String, String> query, Class<T> type) {
    return read(request(path, query).get(), type);
  }

  <T> T get(String path, Class<T> type) {
    return get(path, Map.of(), type);
  }

  <T> T post(String path, Object body, Class<T> type) {
    return post(path, Map.of(), body, type);
  }

  <T> T post(String path, Map<String, String> query, Object body, Class<T> type) {
    Invocation.Builder request = request(path, query);
    return read(body == null ? request.post(null) : request.post(Entity.json(body)), type);
  }

  <T> T patch(String path, Object body, Class<T> type) {
    return read(request(path, Map.of()).method("PATCH", Entity.json(body)), type);
  }

  <T> T delete(String path, Class<T> type) {
    return read(request(path, Map.of()).delete(), type);
  }

  /** One path segment (an id), percent-encoded. */
  static String segment(String value) {
    return QueryString.encode(value);
  }

  /** GETs an absolute URL without the token (a signed link is its own authorization). */
  <T> T fetch(URI url, Function<Response, T> body) {
    return read(http.target(url).request().get(), body);
  }

  private Invocation.Builder request(String path, Map<String, String> query) {
    Invocation.Builder request =
        http.target(URI.create(base + path + QueryString.of(query)))
            .request(MediaType.APPLICATION_JSON_TYPE);
    return authorization == null
        ? request
        : request.header(HttpHeaders.AUTHORIZATION, authorization);
  }

  private static <T> T read(Response response, Class<T> type) {
    return read(response, ok -> ok.readEntity(type));
  }

  private static <T> T read(Response response, Function<Response, T> body) {
    try (response) {
      if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
        return body.apply(response);
      }
      throw failure(response);
    }
  }

  private static DevicesApiException failure(Response response) {
    int status = response.getStatus();
    String requestId = response.getHeaderString(REQUEST_ID);
    response.bufferEntity();
    if (MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
      try {
        ErrorBody error = response.readEntity(ErrorBody.class);
        if (error != null && error.type() != null) {
          return new DevicesApiException(status, error.type(), error.message(), requestId);
        }
      } catch (ProcessingException notAnErrorBody) {
        // fall through: report the body as text
      }
    }
    // Not the server's error model (a proxy in between, say): keep what came back.
    String text = response.hasEntity() ? response.readEntity(String.class) : "";
    return new DevicesApiException(
        status, response.getStatusInfo().getReasonPhrase(), text, requestId);
  }
}
