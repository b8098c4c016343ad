package io.devices.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Waits until a server's {@code /health/ready} answers UP. */
final class ReadinessProbe {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private ReadinessProbe() {}

  /**
   * @param alive false once the server's process is gone: no point waiting any longer
   * @return empty once ready, else the last answer (or error) when the time is up or the process
   *     ended
   */
  static Optional<String> await(String baseUrl, Duration timeout, BooleanSupplier alive) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline) && alive.getAsBoolean()) {
      try {
        var response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                BodyHandlers.ofString(StandardCharsets.UTF_8));
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return Optional.empty();
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return Optional.of(alive.getAsBoolean() ? last : last + " (the process has ended)");
  }
}
