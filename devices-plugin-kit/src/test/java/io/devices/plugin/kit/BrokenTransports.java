package io.devices.plugin.kit;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Command transports to an in-memory target that each break one rule, for the kit's own test.
 * {@link Sound} keeps every rule; the others break one each.
 */
final class BrokenTransports {
  static final String REFUSED = "refused";

  /** What devices received: their messages' JSON, by device id. */
  static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();

  static volatile boolean targetUp = true;

  private BrokenTransports() {}

  /** Delivers to {@link #RECEIVED}; refuses {@link #REFUSED}; retries while the target is down. */
  public static class Sound implements CommandTransport {
    private volatile boolean running;

    @Override
    public String id() {
      return "kit-sound";
    }

    @Override
    public void start(Map<String, String> config) {
      if (config.containsKey("invalid")) {
        throw new IllegalArgumentException("kit-sound setting invalid is not allowed");
      }
      running = true;
    }

    @Override
    public void stop() {
      running = false;
    }

    @Override
    public List<DeliveryOutcome> deliver(List<CommandMessage> batch) {
      if (!running && checksLifeCycle()) {
        throw new IllegalStateException("not started");
      }
      List<DeliveryOutcome> outcomes = new ArrayList<>();
      for (CommandMessage message : batch) {
        outcomes.add(deliver(message));
      }
      return outcomes;
    }

    DeliveryOutcome deliver(CommandMessage message) {
      if (message.deviceId().equals(REFUSED)) {
        return DeliveryOutcome.failed("no such device");
      }
      if (!targetUp) {
        return DeliveryOutcome.retryLater("target down");
      }
      RECEIVED
          .computeIfAbsent(message.deviceId(), d -> new CopyOnWriteArrayList<>())
          .add(carried(message.json()));
      return DeliveryOutcome.delivered();
    }

    boolean checksLifeCycle() {
      return true;
    }

    String carried(String json) {
      return json;
    }
  }

  /** Gives the outcomes in reverse order. */
  public static class Reversed extends Sound {
    @Override
    public List<DeliveryOutcome> deliver(List<CommandMessage> batch) {
      List<DeliveryOutcome> outcomes = new ArrayList<>(super.deliver(batch));
      Collections.reverse(outcomes);
      return outcomes;
    }
  }

  /** Delivers before start and after stop. */
  public static class Eager extends Sound {
    @Override
    boolean checksLifeCycle() {
      return false;
    }
  }

  /** Says delivered while the target is down. */
  public static class Lying extends Sound {
    @Override
    DeliveryOutcome deliver(CommandMessage message) {
      DeliveryOutcome outcome = super.deliver(message);
      return targetUp ? outcome : DeliveryOutcome.delivered();
    }
  }

  /** Carries only ASCII. */
  public static class Mangling extends Sound {
    @Override
    String carried(String json) {
      return json.replaceAll("[^\\x20-\\x7e]", "?");
    }
  }
}
