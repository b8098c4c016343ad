package io.devices.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs the JSON outcome of an export to its callback URL. Redirects are not followed: the URL was
 * checked, where it redirects to was not.
 */
@ApplicationScoped
public class CallbackClient {
  private HttpClient http;
  private Duration readTimeout;

  /** For the CDI proxy only. */
  protected CallbackClient() {}

  @Inject
  public CallbackClient(
      @ConfigProperty(name = "devices.export.callback.connect-timeout", defaultValue = "PT5S")
          Duration connectTimeout,
      @ConfigProperty(name = "devices.export.callback.read-timeout", defaultValue = "PT10S")
          Duration readTimeout) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = readTimeout;
  }

  /**
   * @throws IOException when the target cannot be reached or does not answer 2xx in time
   */
  void post(URI url, String json) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "devices-server")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("The callback answered HTTP " + response.statusCode());
    }
  }
}
