package io.devices.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.DeliveryOutcome;
import io.devices.spi.command.DeliveryOutcome.Status;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport against a real HTTP receiver on loopback (private networks allowed). */
class WebhookTransportTest {
  private static final String SECRET = "a-shared-secret-of-the-test";
  private static final String DEVICE = "0123456789abcdef01234567";

  private final Receiver receiver = new Receiver();
  private final WebhookTransport transport = new WebhookTransport();

  @AfterEach
  void close() {
    transport.stop();
    receiver.close();
  }

  private Map<String, String> settings(String path) {
    Map<String, String> settings = new HashMap<>();
    settings.put("url", receiver.url(path));
    settings.put("secret", SECRET);
    settings.put("allow-private-networks", "true");
    return settings;
  }

  private WebhookTransport started(Map<String, String> settings) {
    transport.start(settings);
    return transport;
  }

  private DeliveryOutcome deliverOne(Map<String, String> settings) throws Exception {
    return started(settings).deliver(List.of(Messages.to(DEVICE))).get(0);
  }

  @Test
  void postsTheCommandAsSignedJsonToTheDevicesUrl() throws Exception {
    DeliveryOutcome outcome = deliverOne(settings("/hooks/{applicationId}/{deviceId}"));

    assertEquals(DeliveryOutcome.delivered(), outcome);
    Receiver.Request request = receiver.received().get(0);
    assertEquals("POST", request.method());
    assertEquals("/hooks/" + Messages.APPLICATION + "/" + DEVICE, request.path());
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals(Messages.COMMAND + ":" + DEVICE, request.header("X-Devices-Delivery"));
    String body = new String(request.body(), StandardCharsets.UTF_8);
    assertEquals(
        "{\"deliveryId\":\""
            + Messages.COMMAND
            + ":"
            + DEVICE
            + "\",\"applicationId\":\""
            + Messages.APPLICATION
            + "\",\"deviceId\":\""
            + DEVICE
            + "\",\"commandId\":\""
            + Messages.COMMAND
            + "\",\"command\":{\"name\":\"reboot\",\"payload\":{\"delay\":5},"
            + "\"time\":\"2026-12-01T10:15:30.250Z\"}}",
        body);
    assertSignedWithTheSecret(request);
  }

  /** As a receiver checks it: t=..., v1=hex(HMAC-SHA256(secret, t + "." + body)). */
  private static void assertSignedWithTheSecret(Receiver.Request request) throws Exception {
    String signature = request.header("X-Devices-Signature");
    String[] parts = signature.split(",");
    assertTrue(parts[0].matches("t=\\d+"), signature);
    String timestamp = parts[0].substring(2);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
    assertEquals("v1=" + HexFormat.of().formatHex(mac.doFinal(request.body())), parts[1]);
  }

  @Test
  void eachOutcomeBelongsToItsMessageInOrder() throws Exception {
    receiver.answering(
        (request, exchange) ->
            Receiver.status(exchange, request.path().endsWith("gone") ? 404 : 204));
    List<CommandMessage> batch =
        List.of(Messages.to("a"), Messages.to("gone"), Messages.to("b"), Messages.to("gone"));

    List<DeliveryOutcome> outcomes = started(settings("/{deviceId}")).deliver(batch);

    assertEquals(
        List.of(Status.DELIVERED, Status.FAILED, Status.DELIVERED, Status.FAILED),
        outcomes.stream().map(DeliveryOutcome::status).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503})
  void busyOrBrokenReceiversAreRetriedLater(int status) throws Exception {
    receiver.answering((request, exchange) -> Receiver.status(exchange, status));

    DeliveryOutcome outcome = deliverOne(settings("/"));

    assertEquals(Status.RETRY_LATER, outcome.status());
    assertEquals("HTTP " + status + " from the receiver", outcome.reason());
    assertNull(outcome.retryAfter(), "no Retry-After: the server's backoff alone");
  }

  @Test
  void aRetryAfterInSecondsIsTheEarliestNextAttempt() throws Exception {
    receiver.answering(
        (request, exchange) -> {
          exchange.getResponseHeaders().add("Retry-After", "120");
          Receiver.status(exchange, 503);
        });

    DeliveryOutcome outcome = deliverOne(settings("/"));

    assertEquals(Status.RETRY_LATER, outcome.status());
    assertEquals(Duration.ofSeconds(120), outcome.retryAfter());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 410, 422})
  void otherClientErrorsFailWithTheStatus(int status) throws Exception {
    receiver.answering((request, exchange) -> Receiver.status(exchange, status));

    DeliveryOutcome outcome = deliverOne(settings("/"));

    assertEquals(DeliveryOutcome.failed("HTTP " + status + " from the receiver"), outcome);
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    receiver.answering(
        (request, exchange) -> {
          if (request.path().equals("/moved")) {
            exchange.getResponseHeaders().add("Location", receiver.url("/elsewhere"));
            Receiver.status(exchange, 302);
          } else {
            Receiver.status(exchange, 200);
          }
        });

    DeliveryOutcome outcome = deliverOne(settings("/moved"));

    assertEquals(
        DeliveryOutcome.failed("HTTP 302 from the receiver: redirects are not followed"), outcome);
    assertEquals(
        List.of("/moved"), receiver.received().stream().map(Receiver.Request::path).toList());
  }

  @Test
  void aReceiverOnAPrivateNetworkIsRefusedUnlessAllowed() throws Exception {
    for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
      Map<String, String> settings = settings("/");
      settings.put("url", "http://" + host + ":1/hook");
      settings.remove("allow-private-networks");
      WebhookTransport guarded = new WebhookTransport();
      guarded.start(settings);
      try {
        DeliveryOutcome outcome = guarded.deliver(List.of(Messages.to(DEVICE))).get(0);
        assertEquals(Status.FAILED, outcome.status(), host);
        assertTrue(outcome.reason().contains("internal network"), outcome.reason());
      } finally {
        guarded.stop();
      }
    }
    Map<String, String> toTheReceiver = settings("/");
    toTheReceiver.put("allow-private-networks", "false");
    assertEquals(Status.FAILED, deliverOne(toTheReceiver).status());
    assertEquals(List.of(), receiver.received(), "nothing reached the receiver");
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsRetriedLater() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    receiver.answering(
        (request, exchange) -> {
          released.await(30, TimeUnit.SECONDS);
          Receiver.status(exchange, 200);
        });
    Map<String, String> settings = settings("/");
    settings.put("timeout", "PT0.5S");
    try {
      DeliveryOutcome outcome = deliverOne(settings);

      assertEquals(
          DeliveryOutcome.retryLater("no answer from the receiver within PT0.5S"), outcome);
    } finally {
      released.countDown();
    }
  }

  @Test
  void aReceiverThatIsDownIsRetriedLater() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> settings = settings("/");
    settings.put("url", "http://127.0.0.1:" + closedPort + "/hook");

    DeliveryOutcome outcome = deliverOne(settings);

    assertEquals(Status.RETRY_LATER, outcome.status());
    assertTrue(outcome.reason().startsWith("cannot connect to the receiver"), outcome.reason());
  }

  @Test
  void nothingIsDeliveredBeforeStartOrAfterStop() throws Exception {
    List<CommandMessage> batch = List.of(Messages.to("a"), Messages.to("b"));
    DeliveryOutcome notStarted = DeliveryOutcome.retryLater("the webhook transport is not started");

    assertEquals(List.of(notStarted, notStarted), transport.deliver(batch));
    transport.start(settings("/"));
    transport.stop();
    assertEquals(List.of(notStarted, notStarted), transport.deliver(batch));
    transport.stop();
    assertEquals(List.of(), receiver.received());
  }

  @Test
  void aBatchIsPostedConcurrentlyWithinTheConcurrencyLimit() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch fourAtOnce = new CountDownLatch(4);
    receiver.answering(
        (request, exchange) -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          fourAtOnce.countDown();
          // Held until four requests are in flight: a transport posting one by one times out here.
          boolean concurrent = fourAtOnce.await(30, TimeUnit.SECONDS);
          inFlight.decrementAndGet();
          Receiver.status(exchange, concurrent ? 200 : 500);
        });
    Map<String, String> settings = settings("/{deviceId}");
    settings.put("concurrency", "4");
    settings.put("timeout", "PT60S");
    List<CommandMessage> batch =
        IntStream.range(0, 20).mapToObj(i -> Messages.to("d" + i)).toList();

    List<DeliveryOutcome> outcomes = started(settings).deliver(batch);

    assertEquals(List.of(DeliveryOutcome.delivered()), outcomes.stream().distinct().toList());
    assertEquals(4, most.get(), "four requests at once, never more");
    assertEquals(20, receiver.received().size());
  }

  @Test
  void startRefusesInvalidSettings() {
    Map<String, String> settings = settings("/");
    settings.remove("secret");
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> transport.start(settings));
    assertEquals("webhook setting secret (DEVICES_WEBHOOK_SECRET): missing", refused.getMessage());
    assertFalse(transport.isConnected());
  }
}
