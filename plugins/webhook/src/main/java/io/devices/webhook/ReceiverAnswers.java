package io.devices.webhook;

import io.devices.spi.command.DeliveryOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * What a receiver's answer means for the delivery: 2xx delivered; 408, 429 and 5xx retried later,
 * not before a {@code Retry-After}; redirects (never followed) and other 4xx failed; no answer in
 * time, or no connection, retried later.
 */
final class ReceiverAnswers {
  private ReceiverAnswers() {}

  static DeliveryOutcome of(HttpResponse<?> response, Instant now) {
    int status = response.statusCode();
    String reason = "HTTP " + status + " from the receiver";
    if (status >= 200 && status < 300) {
      return DeliveryOutcome.delivered();
    }
    if (status == 408 || status == 429 || status >= 500) {
      Optional<Duration> wait =
          RetryAfter.parse(response.headers().firstValue(RetryAfter.HEADER), now);
      return wait.map(w -> DeliveryOutcome.retryAfter(w, reason + ", retry after " + w))
          .orElseGet(() -> DeliveryOutcome.retryLater(reason));
    }
    if (status >= 300 && status < 400) {
      return DeliveryOutcome.failed(reason + ": redirects are not followed");
    }
    return DeliveryOutcome.failed(reason);
  }

  static DeliveryOutcome of(Throwable failure, Duration timeout) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return DeliveryOutcome.retryLater("no answer from the receiver within " + timeout);
    }
    if (cause instanceof ConnectException) {
      return DeliveryOutcome.retryLater("cannot connect to the receiver: " + cause.getMessage());
    }
    if (cause instanceof IOException) {
      return DeliveryOutcome.retryLater("the request to the receiver failed: " + cause);
    }
    return DeliveryOutcome.retryLater("the webhook transport failed: " + cause);
  }
}
