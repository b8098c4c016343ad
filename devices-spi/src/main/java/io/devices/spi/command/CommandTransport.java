package io.devices.spi.command;

import io.devices.spi.Plugin;
import java.util.List;

/**
 * Delivers commands to devices, found by {@link java.util.ServiceLoader} under {@code
 * META-INF/services/io.devices.spi.command.CommandTransport}. A device uses the transport named by
 * its tag {@code commandTransport}, else the server's default ({@code devices.command.transport},
 * {@code mqtt}). Settings come from the config keys {@code devices.<id>.*} (environment variables
 * {@code DEVICES_<ID>_*}), passed to {@link #start} without the prefix.
 *
 * <p><b>Delivery guarantee.</b> Report {@link DeliveryOutcome#delivered()} only once the message is
 * accepted by the system that takes it to the device (for MQTT: the broker's PUBACK of a QoS 1
 * publish). The server records outcomes after {@link #deliver} returns, so after a crash the same
 * item may be handed over again: delivery is at least once, and a transport should let devices
 * recognise a repeat (every message carries the command's time; {@link CommandMessage#deliveryId}
 * is stable across attempts).
 *
 * <p><b>Threading.</b> Several server threads call {@link #deliver} at once, each with its own
 * batch: implementations are thread-safe. A call should return within a minute; items it cannot
 * settle by then are {@link DeliveryOutcome#retryLater retried later}.
 *
 * <p><b>Failure.</b> A transport that throws from {@link #deliver} has every item of that batch
 * retried later with the exception's message as the reason. Items are retried with a growing delay,
 * and no sooner than a {@link DeliveryOutcome#retryAfter retryAfter} outcome's delay, until the
 * command's time to live has passed; then they fail. While its target is unavailable a transport
 * throws or reports every item {@link DeliveryOutcome#retryLater retry later}, never {@link
 * DeliveryOutcome#delivered() delivered}.
 *
 * <p><b>Before start, after stop.</b> The server calls {@link #deliver} only between {@link #start}
 * and {@link #stop}. Called outside that time, a transport delivers nothing: it throws {@link
 * IllegalStateException} or reports every item {@link DeliveryOutcome#retryLater retry later}.
 */
public interface CommandTransport extends Plugin {
  /**
   * Delivers a batch.
   *
   * @param batch the messages, at most a few thousand, each for one device; a payload may be as
   *     large as a megabyte and hold any Unicode text, which must reach the device unchanged
   * @return one non-null outcome per message, in the same order: the outcome at index {@code i} is
   *     that of {@code batch.get(i)}; a retried or failed outcome carries a reason, a delivered one
   *     none
   */
  List<DeliveryOutcome> deliver(List<CommandMessage> batch) throws Exception;

  /**
   * Whether the transport can deliver now (for MQTT: connected to the broker). Shown in {@code
   * /health/ready}; deliveries are attempted regardless.
   */
  default boolean isConnected() {
    return true;
  }
}
