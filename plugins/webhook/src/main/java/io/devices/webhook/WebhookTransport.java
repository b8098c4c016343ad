package io.devices.webhook;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code webhook} command transport: POSTs each command as JSON ({@link WebhookBody}), signed
 * ({@link RequestSigner}), to the device's URL from the {@code url} template ({@link
 * WebhookSettings}). Batches are posted concurrently, at most {@code concurrency} requests at once
 * across all callers; what the receiver answers decides the outcome ({@link ReceiverAnswers}).
 * Receivers on internal networks are refused unless allowed ({@link TargetGuard}); redirects are
 * never followed.
 *
 * <p>Before {@link #start} and after {@link #stop}, every message is retried later: nothing is
 * delivered.
 */
public final class WebhookTransport implements CommandTransport {
  /**
   * A deliver call waits at most this long for a free request slot, so that it returns within the
   * SPI's minute; messages that found none are retried later.
   */
  static final Duration CALL_BUDGET = Duration.ofSeconds(40);

  private final Clock clock = Clock.systemUTC();
  private volatile WebhookPoster poster;

  @Override
  public String id() {
    return "webhook";
  }

  /**
   * @throws IllegalArgumentException when a setting is missing or invalid: the server then logs the
   *     message and leaves the transport out
   */
  @Override
  public void start(Map<String, String> config) {
    poster = new WebhookPoster(WebhookSettings.from(config), clock);
  }

  @Override
  public List<DeliveryOutcome> deliver(List<CommandMessage> batch) throws InterruptedException {
    WebhookPoster current = poster;
    if (current == null) {
      return Collections.nCopies(
          batch.size(), DeliveryOutcome.retryLater("the webhook transport is not started"));
    }
    Instant deadline = clock.instant().plus(CALL_BUDGET);
    List<CompletableFuture<DeliveryOutcome>> outcomes = new ArrayList<>(batch.size());
    for (CommandMessage message : batch) {
      outcomes.add(current.post(message, deadline));
    }
    return outcomes.stream().map(CompletableFuture::join).toList();
  }

  @Override
  public boolean isConnected() {
    return poster != null;
  }

  @Override
  public void stop() {
    WebhookPoster current = poster;
    poster = null;
    if (current != null) {
      current.close();
    }
  }
}
