package io.devices.mqtt;

import io.devices.spi.command.DeliveryOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The publishes of one {@code deliver} call and their PUBACKs, by index in the batch: each publish
 * carries its index as Paho's user context, and its future completes with null on the PUBACK, or
 * with the failure (Paho calls back with one when the connection is lost).
 */
final class PublishedBatch implements IMqttActionListener {
  private static final int QOS = 1;

  private final MqttAsyncClient client;
  private final InFlightWindow window;
  private final long deadline;
  private final AtomicReferenceArray<CompletableFuture<Throwable>> acks;

  PublishedBatch(MqttAsyncClient client, InFlightWindow window, int size, long deadline) {
    this.client = client;
    this.window = window;
    this.deadline = deadline;
    this.acks = new AtomicReferenceArray<>(size);
  }

  /**
   * Publishes the {@code index}th message once the window has room.
   *
   * @return null once it is on its way, else why it is not: {@code windowFull} when the window
   *     stayed full until the deadline
   * @throws MqttException when Paho refuses it
   */
  DeliveryOutcome publish(int index, String topic, byte[] payload, DeliveryOutcome windowFull)
      throws MqttException {
    if (!window.enter(deadline)) {
      return windowFull;
    }
    CompletableFuture<Throwable> ack = new CompletableFuture<>();
    acks.set(index, ack);
    try {
      client.publish(topic, payload, QOS, false, index, this);
      return null;
    } catch (MqttException | RuntimeException e) {
      acks.set(index, null);
      window.leave();
      if (e instanceof MqttException refused
          && refused.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
        return windowFull; // Paho's count ran ahead of the window's (after a reconnect): later
      }
      throw e;
    }
  }

  @Override
  public void onSuccess(IMqttToken token) {
    complete(token, null);
  }

  @Override
  public void onFailure(IMqttToken token, Throwable cause) {
    complete(
        token,
        cause != null ? cause : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR));
  }

  private void complete(IMqttToken token, Throwable failure) {
    if (token.getUserContext() instanceof Integer index) {
      CompletableFuture<Throwable> ack = acks.get(index);
      if (ack != null && ack.complete(failure)) {
        window.leave();
      }
    }
  }

  /** Waits for every published message's PUBACK or failure, until the deadline. */
  void awaitAll() {
    CompletableFuture<?>[] published = new CompletableFuture<?>[acks.length()];
    for (int i = 0; i < published.length; i++) {
      CompletableFuture<Throwable> ack = acks.get(i);
      published[i] = ack != null ? ack : CompletableFuture.completedFuture(null);
    }
    try {
      CompletableFuture.allOf(published)
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      // the unacknowledged ones are settled as timed out
    }
  }

  /** Fills in the outcome of every published message: {@code timedOut} when it has none yet. */
  void settle(DeliveryOutcome[] outcomes, DeliveryOutcome timedOut) {
    for (int i = 0; i < outcomes.length; i++) {
      CompletableFuture<Throwable> ack = acks.get(i);
      if (outcomes[i] != null || ack == null) {
        continue;
      }
      Throwable failure = ack.isDone() ? ack.join() : null;
      if (!ack.isDone()) {
        outcomes[i] = timedOut;
      } else if (failure == null) {
        outcomes[i] = DeliveryOutcome.delivered();
      } else {
        outcomes[i] = DeliveryOutcome.retryLater("MQTT publish failed: " + failure);
      }
    }
  }
}
