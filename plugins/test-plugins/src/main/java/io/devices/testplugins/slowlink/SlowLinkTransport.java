package io.devices.testplugins.slowlink;

import io.devices.spi.command.CommandMessage;
import io.devices.spi.command.CommandTransport;
import io.devices.spi.command.DeliveryOutcome;
import java.util.Collections;
import java.util.List;

/**
 * A transport that takes three seconds per batch, longer than a test server's shutdown grace: a
 * stop finds batches in its hands.
 */
public final class SlowLinkTransport implements CommandTransport {
  private static final long MILLIS_PER_BATCH = 3000;

  @Override
  public String id() {
    return "slowlink";
  }

  @Override
  public List<DeliveryOutcome> deliver(List<CommandMessage> batch) throws InterruptedException {
    Thread.sleep(MILLIS_PER_BATCH);
    return Collections.nCopies(batch.size(), DeliveryOutcome.delivered());
  }
}
