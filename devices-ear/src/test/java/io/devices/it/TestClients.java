package io.devices.it;

import io.devices.api.client.DevicesClient;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The typed client of the tests' set-up steps, on one Jakarta REST client (RESTEasy) for the whole
 * test JVM: as the owner of the integration-test server, or of another server a test runs.
 */
public final class TestClients {
  private static final Client HTTP =
      ClientBuilder.newBuilder()
          .connectTimeout(10, TimeUnit.SECONDS)
          .readTimeout(60, TimeUnit.SECONDS)
          .build();

  private TestClients() {}

  /** The integration-test server, as the owner. */
  public static DevicesClient owner() {
    return at(Api.owner().baseUrl(), System.getProperty("it.owner.token"));
  }

  /** The server at {@code baseUrl}, with {@code token}. Closing it closes nothing shared. */
  public static DevicesClient at(String baseUrl, String token) {
    return DevicesClient.connect(HTTP, URI.create(baseUrl), token);
  }

  /** The server behind a raw helper, with the same token. */
  public static DevicesClient of(Api api) {
    return at(api.baseUrl(), api.token());
  }
}
