package io.devices.plugin.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import io.devices.spi.command.DeliveryOutcome.Status;
import java.util.List;

/** The checks on what {@link CommandTransport#deliver} answers. */
final class Outcomes {
  private Outcomes() {}

  /** Delivers and checks the shape of the answer: one non-null outcome per message. */
  static List<DeliveryOutcome> deliver(CommandTransport transport, List<CommandMessage> batch)
      throws Exception {
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

  static void assertAllDelivered(List<DeliveryOutcome> outcomes) {
    for (int i = 0; i < outcomes.size(); i++) {
      assertEquals(
          Status.DELIVERED, outcomes.get(i).status(), "item " + i + ": " + summary(outcomes));
    }
  }

  /** Outside start..stop: an IllegalStateException or RETRY_LATER for every item. */
  static void assertNothingDelivered(CommandTransport transport, List<CommandMessage> batch) {
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
