package io.devices.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.devices.plugin.kit.CommandTransportContract;
import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The SPI's contract kit against the webhook transport and a real receiver on loopback, which
 * refuses one device's URL (404) and plays an outage by answering 503.
 */
class WebhookTransportKitTest extends CommandTransportContract {
  private static final String REFUSED = "refused-device";

  private final Receiver receiver = new Receiver();
  private volatile boolean down;

  WebhookTransportKitTest() {
    receiver.answering(
        (request, exchange) ->
            Receiver.status(
                exchange, down ? 503 : request.path().endsWith("/" + REFUSED) ? 404 : 200));
  }

  @AfterEach
  void closeTheReceiver() {
    receiver.close();
  }

  @Override
  protected Class<? extends CommandTransport> pluginClass() {
    return WebhookTransport.class;
  }

  @Override
  protected Map<String, String> settings() {
    return Map.of(
        "url", receiver.url("/devices/{deviceId}"),
        "secret", "the kit's shared secret",
        "allow-private-networks", "true");
  }

  @Override
  protected Optional<Map<String, String>> invalidSettings() {
    Map<String, String> settings = new HashMap<>(settings());
    settings.put("url", "ftp://hooks.example.com/{deviceId}");
    return Optional.of(settings);
  }

  @Override
  protected String refusedDeviceId() {
    return REFUSED;
  }

  @Override
  protected void takeTargetDown() {
    down = true;
  }

  @Override
  protected void bringTargetUp() {
    down = false;
  }

  /** Delivered means answered 2xx, so each message is already there: its body, as sent. */
  @Override
  protected void awaitReceived(List<CommandMessage> messages) {
    Map<String, String> bodies = new HashMap<>();
    for (Receiver.Request request : receiver.received()) {
      bodies.put(
          request.header(WebhookPoster.DELIVERY_HEADER),
          new String(request.body(), StandardCharsets.UTF_8));
    }
    for (CommandMessage message : messages) {
      String body = bodies.get(message.deliveryId());
      assertNotNull(body, "received " + message.deliveryId());
      assertEquals(new String(WebhookBody.of(message), StandardCharsets.UTF_8), body);
      assertEquals(
          body.substring(body.indexOf(",\"command\":") + 11, body.length() - 1),
          message.json(),
          "the command arrives as the device's message");
    }
  }
}
