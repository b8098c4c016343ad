package io.devices.mqtt;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Delivers commands over MQTT: each message's JSON goes to {@code losant/<deviceId>/command} at QoS
 * 1, not retained, and counts as delivered on the broker's PUBACK.
 *
 * <p>Settings (all optional): {@code url} ({@code tcp://127.0.0.1:1883}; {@code ssl://} too),
 * {@code user}, {@code password}, {@code client-id} ({@code devices-} and a random suffix), {@code
 * truststore}, {@code truststore-password}, {@code truststore-type} (for {@code ssl://}; the JVM's
 * default trust without them), {@code max-inflight} (10000), {@code publish-timeout} (ISO-8601,
 * {@code PT30S}), {@code connect-timeout} (seconds, 10) and {@code keep-alive} (seconds, 30).
 *
 * <p>{@link #start} only schedules the first connection ({@link MqttConnection}). While
 * disconnected, before start and after stop every item is {@link DeliveryOutcome#retryLater retried
 * later} without being tried.
 *
 * <p>{@link #deliver} publishes the whole batch asynchronously, then waits for the PUBACKs within
 * {@code publish-timeout} overall. When the client's in-flight window is full it waits for room
 * ({@link InFlightWindow}) and publishes then.
 */
public final class MqttTransport implements CommandTransport {
  /** A device id is one topic level: 24 hex characters, so never a wildcard or a separator. */
  private static final Pattern DEVICE_ID = Pattern.compile("^[A-Fa-f0-9]{24}$");

  private static final DeliveryOutcome NOT_STARTED =
      DeliveryOutcome.retryLater("not connected to the MQTT broker (not started)");

  /** What {@link #start} made; written once, read first by every call. */
  private volatile Running running;

  private final AtomicBoolean stopped = new AtomicBoolean();

  private record Running(
      MqttSettings settings,
      MqttConnection connection,
      InFlightWindow window,
      DeliveryOutcome notConnected,
      DeliveryOutcome windowFull,
      DeliveryOutcome timedOut) {
    Running(MqttSettings settings, MqttConnection connection) {
      this(
          settings,
          connection,
          new InFlightWindow(settings.maxInflight()),
          DeliveryOutcome.retryLater("not connected to the MQTT broker " + settings.url()),
          DeliveryOutcome.retryLater(
              "the MQTT client's in-flight window stayed full for " + settings.publishTimeout()),
          DeliveryOutcome.retryLater(
              "no PUBACK from the MQTT broker "
                  + settings.url()
                  + " within "
                  + settings.publishTimeout()));
    }
  }

  @Override
  public String id() {
    return "mqtt";
  }

  @Override
  public void start(Map<String, String> config) throws MqttException {
    MqttSettings settings = MqttSettings.parse(config);
    running = new Running(settings, MqttConnection.open(settings));
  }

  @Override
  public boolean isConnected() {
    Running r = running;
    return r != null && r.connection().isConnected();
  }

  @Override
  public List<DeliveryOutcome> deliver(List<CommandMessage> batch) {
    Running r = running;
    int size = batch.size();
    DeliveryOutcome[] outcomes = new DeliveryOutcome[size];
    if (r == null || stopped.get() || !r.connection().isConnected()) {
      Arrays.fill(outcomes, r == null ? NOT_STARTED : r.notConnected());
      return List.of(outcomes);
    }
    MqttAsyncClient client = r.connection().client();
    long deadline = System.nanoTime() + r.settings().publishTimeout().toNanos();
    PublishedBatch published = new PublishedBatch(client, r.window(), size, deadline);
    boolean connected = true;
    for (int i = 0; i < size; i++) {
      CommandMessage message = batch.get(i);
      if (!DEVICE_ID.matcher(String.valueOf(message.deviceId())).matches()) {
        outcomes[i] = DeliveryOutcome.failed("the device id is not 24 hex characters");
      } else if (message.json() == null) {
        outcomes[i] = DeliveryOutcome.failed("the command has no message");
      } else if (!connected) {
        outcomes[i] = r.notConnected();
      } else {
        outcomes[i] = publish(r, published, i, message);
        if (outcomes[i] != null && !client.isConnected()) {
          connected = false;
        }
      }
    }
    published.awaitAll();
    published.settle(outcomes, r.timedOut());
    return List.of(outcomes);
  }

  /** Publishes one message; null once it is on its way, else its outcome. */
  private static DeliveryOutcome publish(
      Running r, PublishedBatch published, int index, CommandMessage message) {
    String topic = "losant/" + message.deviceId() + "/command";
    byte[] payload = message.json().getBytes(StandardCharsets.UTF_8);
    try {
      return published.publish(index, topic, payload, r.windowFull());
    } catch (MqttException e) {
      return r.connection().isConnected()
          ? DeliveryOutcome.retryLater("MQTT publish refused: " + e)
          : r.notConnected();
    } catch (RuntimeException e) {
      return DeliveryOutcome.retryLater("MQTT publish failed: " + e);
    }
  }

  @Override
  public void stop() {
    Running r = running;
    if (stopped.compareAndSet(false, true) && r != null) {
      r.connection().close();
    }
  }
}
