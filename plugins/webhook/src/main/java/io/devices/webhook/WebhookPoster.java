package io.devices.webhook;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.DeliveryOutcome;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Posts messages for a started transport: one HTTP client that never follows redirects, and a
 * semaphore that bounds the requests in flight across every caller's batch.
 */
final class WebhookPoster {
  static final String DELIVERY_HEADER = "X-Devices-Delivery";

  private final WebhookSettings settings;
  private final TargetGuard guard;
  private final Clock clock;
  private final Semaphore inFlight;
  private final HttpClient client;

  WebhookPoster(WebhookSettings settings, Clock clock) {
    this.settings = settings;
    this.guard = new TargetGuard(settings.allowPrivateNetworks());
    this.clock = clock;
    this.inFlight = new Semaphore(settings.concurrency());
    // HTTP/1.1: a cleartext receiver is not asked to upgrade to HTTP/2, which some mishandle.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.timeout())
            .build();
  }

  /**
   * Starts posting one message, once a slot is free before {@code deadline}; the future never
   * completes exceptionally.
   */
  CompletableFuture<DeliveryOutcome> post(CommandMessage message, Instant deadline)
      throws InterruptedException {
    URI target = settings.url().expand(message);
    try {
      Optional<String> refusal = guard.refusal(target);
      if (refusal.isPresent()) {
        return CompletableFuture.completedFuture(DeliveryOutcome.failed(refusal.get()));
      }
    } catch (UnknownHostException e) {
      return CompletableFuture.completedFuture(
          DeliveryOutcome.retryLater("the receiver's host " + target.getHost() + " is unknown"));
    }
    long wait = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    if (!inFlight.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
      return CompletableFuture.completedFuture(
          DeliveryOutcome.retryLater("not attempted: the receivers were busy for the whole call"));
    }
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request(target, message), HttpResponse.BodyHandlers.discarding());
    return exchange
        .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) ->
                failure == null
                    ? ReceiverAnswers.of(response, clock.instant())
                    : ReceiverAnswers.of(failure, settings.timeout()))
        .whenComplete(
            (outcome, ignored) -> {
              exchange.cancel(true); // a receiver still trickling its body after the timeout
              inFlight.release();
            });
  }

  private HttpRequest request(URI target, CommandMessage message) {
    byte[] body = WebhookBody.of(message);
    return HttpRequest.newBuilder(target)
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "devices-webhook-transport")
        .header(DELIVERY_HEADER, message.deliveryId())
        .header(
            RequestSigner.HEADER,
            settings.signer().signature(clock.instant().getEpochSecond(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** Releases the client's connections where the JDK can (its HttpClient closes from Java 21). */
  void close() {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // stopping: nothing is left to deliver through it
      }
    }
  }
}
