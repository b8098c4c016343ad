package io.devices.api.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A typed client of one devices server, acting with one bearer token (the owner token or an
 * application API token). Each feature has its accessor: {@link #applications()}, {@link
 * #tokens(String)}, {@link #devices(String)}, {@link #exports(String)}, {@link #commands(String)}.
 * Every answer that is not 2xx throws a {@link DevicesApiException}.
 *
 * <p>Thread-safe when the underlying Jakarta REST client is (RESTEasy's is). Close the client made
 * by {@link #connect(URI, String)} when done; one given to {@link #connect(Client, URI, String)}
 * stays the caller's to close.
 */
public final class DevicesClient implements AutoCloseable {
  private final Client http;
  private final boolean owned;
  private final Endpoint endpoint;

  private DevicesClient(Client http, boolean owned, Endpoint endpoint) {
    this.http = http;
    this.owned = owned;
    this.endpoint = endpoint;
  }

  /**
   * Connects to the server at {@code base} (e.g. {@code http://localhost:9080}) with a Jakarta REST
   * client of its own: 10 s to connect, 60 s to answer.
   */
  public static DevicesClient connect(URI base, String token) {
    Client http =
        ClientBuilder.newBuilder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .build();
    return new DevicesClient(http, true, new Endpoint(http, base, token));
  }

  /** Connects through a Jakarta REST client the caller configured (TLS, proxies, timeouts). */
  public static DevicesClient connect(Client http, URI base, String token) {
    return new DevicesClient(http, false, new Endpoint(http, base, token));
  }

  /**
   * The same server with another token, sharing this client's connections; closing it closes
   * nothing.
   */
  public DevicesClient withToken(String token) {
    return new DevicesClient(http, false, endpoint.withToken(token));
  }

  public ApplicationsClient applications() {
    return new ApplicationsClient(endpoint);
  }

  /** The API tokens of one application. */
  public TokensClient tokens(String applicationId) {
    return new TokensClient(endpoint, applicationId);
  }

  /** The devices of one application: list, get, create, export, send a command. */
  public ApplicationDevicesClient devices(String applicationId) {
    return new ApplicationDevicesClient(endpoint, applicationId);
  }

  /** One device of one application: get, patch, delete, its commands. */
  public DeviceClient device(String applicationId, String deviceId) {
    return new DeviceClient(endpoint, applicationId, deviceId);
  }

  /** The export jobs of one application, and their files. */
  public ExportsClient exports(String applicationId) {
    return new ExportsClient(endpoint, applicationId);
  }

  /** The sent commands of one application. */
  public CommandsClient commands(String applicationId) {
    return new CommandsClient(endpoint, applicationId);
  }

  @Override
  public void close() {
    if (owned) {
      http.close();
    }
  }
}
