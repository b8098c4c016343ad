package io.devices.plugin.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import io.devices.spi.command.DeliveryOutcome.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CommandTransport}, as its Javadoc states it: a vendor's test extends
 * this class, starts a real target for the transport (a broker, an HTTP receiver), and implements
 * {@link #settings()} (pointing the transport at that target) and {@link #awaitReceived} (what the
 * target saw). The optional hooks {@link #invalidSettings()}, {@link #refusedDeviceId()} and {@link
 * #takeTargetDown()} enable the tests that need them; without them those tests are reported as
 * aborted with the reason, never silently skipped.
 */
public abstract class CommandTransportContract extends PluginContract<CommandTransport> {
  private static final int THREADS = 4;

  protected CommandTransportContract() {
    super(CommandTransport.class);
  }

  @Override
  protected abstract Class<? extends CommandTransport> pluginClass();

  /** The settings that point the transport at the test's target. */
  @Override
  protected abstract Map<String, String> settings();

  /**
   * Waits until the target received each of {@code messages}, and asserts that each arrived for its
   * device exactly as sent (its name, payload and time: for MQTT its {@link
   * CommandMessage#json()}).
   *
   * @throws AssertionError when one is missing or altered after the vendor's time limit
   */
  protected abstract void awaitReceived(List<CommandMessage> messages) throws Exception;

  /**
   * A device id the target refuses for good (for MQTT one that is not a valid topic level; for HTTP
   * one whose URL answers 404), to check outcomes follow the order of the batch.
   */
  protected String refusedDeviceId() {
    return Assumptions.abort("no refusedDeviceId(): override it to check the order of outcomes");
  }

  /** Makes the target unavailable (stops the broker, the receiver). */
  protected void takeTargetDown() throws Exception {
    Assumptions.abort("no takeTargetDown()/bringTargetUp(): override them to check retries");
  }

  /** Makes the target available again after {@link #takeTargetDown()}. */
  protected void bringTargetUp() throws Exception {}

  /** How long a started transport may take to connect ({@link CommandTransport#isConnected}). */
  protected Duration readyTimeout() {
    return Duration.ofSeconds(30);
  }

  @Test
  final void aBatchGetsOneOutcomePerMessageAndEveryMessageArrives() throws Exception {
    deliverAndCheck(ready(), TestCommands.batch(20));
  }

  @Test
  final void outcomesFollowTheOrderOfTheBatch() throws Exception {
    String refused = refusedDeviceId();
    CommandTransport transport = ready();
    List<CommandMessage> batch =
        IntStream.range(0, 9)
            .mapToObj(
                i ->
                    TestCommands.message(
                        i % 3 == 1 ? refused : TestCommands.newId(), "reboot", "{\"n\":" + i + "}"))
            .toList();

    List<DeliveryOutcome> outcomes = checkedDeliver(transport, batch);

    List<CommandMessage> delivered = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (i % 3 == 1) {
        assertNotEquals(Status.DELIVERED, outcomes.get(i).status(), "refused item " + i);
      } else {
        assertEquals(Status.DELIVERED, outcomes.get(i).status(), "item " + i + ": " + outcomes);
        delivered.add(batch.get(i));
      }
    }
    awaitReceived(delivered);
  }

  @Test
  final void concurrentDeliverCallsEachGetTheirOwnOutcomes() throws Exception {
    CommandTransport transport = ready();
    List<List<CommandMessage>> batches =
        IntStream.range(0, THREADS).mapToObj(t -> TestCommands.batch(250)).toList();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<DeliveryOutcome>>> results = new ArrayList<>();
      for (List<CommandMessage> batch : batches) {
        results.add(threads.submit(() -> checkedDeliver(transport, batch)));
      }
      for (Future<List<DeliveryOutcome>> result : results) {
        assertAllDelivered(result.get());
      }
    } finally {
      threads.shutdownNow();
    }
    awaitReceived(batches.stream().flatMap(List::stream).toList());
  }

  @Test
  final void beforeStartNothingIsDelivered() {
    assertNothingDelivered(newPlugin(), TestCommands.batch(3));
  }

  @Test
  final void afterStopNothingIsDelivered() throws Exception {
    CommandTransport transport = ready();
    transport.stop();
    assertNothingDelivered(transport, TestCommands.batch(3));
  }

  /** A throw means the batch is retried: while the target is down, nothing is delivered. */
  @Test
  final void whileTheTargetIsDownEveryItemIsRetriedLaterAndDeliveredOnceItIsBack()
      throws Exception {
    CommandTransport transport = ready();
    List<CommandMessage> batch = TestCommands.batch(5);
    takeTargetDown();
    try {
      List<DeliveryOutcome> outcomes = transport.deliver(batch);
      assertEquals(batch.size(), outcomes.size(), "one outcome per message");
      for (DeliveryOutcome outcome : outcomes) {
        assertEquals(Status.RETRY_LATER, outcome.status(), "target down: " + outcomes);
        assertNotNull(outcome.reason(), "a retried outcome says why");
      }
    } catch (Exception thrown) {
      // as good as RETRY_LATER for every item: the server retries the batch
    } finally {
      bringTargetUp();
    }
    deliverAndCheck(awaitConnected(transport), batch);
  }

  @Test
  final void aMegabytePayloadArrivesIntact() throws Exception {
    String blob = "x".repeat(1 << 20);
    deliverAndCheck(
        ready(),
        List.of(
            TestCommands.message(
                TestCommands.newId(), "upload", "{\"blob\":" + TestCommands.quoted(blob) + "}")));
  }

  @Test
  final void aBatchOfTwoThousandMessagesArrives() throws Exception {
    deliverAndCheck(ready(), TestCommands.batch(2_000));
  }

  @Test
  final void unicodeAndEscapesInNamesAndPayloadsArriveIntact() throws Exception {
    List<CommandMessage> batch =
        TrickyText.SAMPLES.stream()
            .map(
                text ->
                    TestCommands.message(
                        TestCommands.newId(),
                        text.isEmpty() ? "empty payload text" : text,
                        "{\"text\":" + TestCommands.quoted(text) + ",\"list\":[1,2.5,true,null]}"))
            .toList();
    deliverAndCheck(ready(), batch);
  }

  /** A transport started with {@link #settings()} and connected. */
  protected final CommandTransport ready() throws Exception {
    return awaitConnected(startedPlugin());
  }

  private CommandTransport awaitConnected(CommandTransport transport) throws InterruptedException {
    long deadline = System.nanoTime() + readyTimeout().toNanos();
    while (!transport.isConnected()) {
      assertTrue(System.nanoTime() < deadline, "connected within " + readyTimeout());
      Thread.sleep(20);
    }
    return transport;
  }

  private void deliverAndCheck(CommandTransport transport, List<CommandMessage> batch)
      throws Exception {
    assertAllDelivered(checkedDeliver(transport, batch));
    awaitReceived(batch);
  }

  /** Delivers and checks the shape of the answer: one non-null outcome per message. */
  private static List<DeliveryOutcome> checkedDeliver(
      CommandTransport transport, List<CommandMessage> batch) throws Exception {
    List<DeliveryOutcome> outcomes = transport.deliver(batch);
    assertNotNull(outcomes, "deliver returns a list");
    assertEquals(batch.size(), outcomes.size(), "one outcome per message");
    for (DeliveryOutcome outcome : outcomes) {
      assertNotNull(outcome, "no null outcome");
      assertNotNull(outcome.status(), "every outcome has a status");
      if (outcome.status() == Status.DELIVERED) {
        assertNull(outcome.reason(), "a delivered outcome has no reason");
      } else {
        assertNotNull(outcome.reason(), "a retried or failed outcome says why");
      }
    }
    return outcomes;
  }

  private static void assertAllDelivered(List<DeliveryOutcome> outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      assertEquals(
          Status.DELIVERED, outcomes.get(i).status(), "item " + i + ": " + summary(outcomes));
    }
  }

  /** Outside start..stop: an IllegalStateException or RETRY_LATER for every item. */
  private static void assertNothingDelivered(
      CommandTransport transport, List<CommandMessage> batch) {
    List<DeliveryOutcome> outcomes;
    try {
      outcomes = transport.deliver(batch);
    } catch (IllegalStateException expected) {
      return;
    } catch (Exception e) {
      throw new AssertionError(
          "outside start..stop deliver throws IllegalStateException, not " + e, e);
    }
    assertEquals(batch.size(), outcomes.size(), "one outcome per message");
    for (DeliveryOutcome outcome : outcomes) {
      assertEquals(Status.RETRY_LATER, outcome.status(), "outside start..stop: " + outcomes);
    }
  }

  private static String summary(List<DeliveryOutcome> outcomes) {
    return outcomes.stream().distinct().limit(5).toList().toString();
  }
}
