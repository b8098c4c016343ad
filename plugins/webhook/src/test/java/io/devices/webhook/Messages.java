package io.devices.webhook;

import io.devices.spi.command.CommandMessage;
import java.time.Instant;

/** Command messages as the server hands them to a transport. */
final class Messages {
  static final String APPLICATION = "5f0c1a2b3c4d5e6f70819203";
  static final String COMMAND = "6a1b2c3d4e5f60718293a4b5";
  static final Instant TIME = Instant.parse("2026-12-01T10:15:30.250Z");

  private Messages() {}

  static CommandMessage to(String deviceId) {
    return new CommandMessage(
        COMMAND + ":" + deviceId,
        APPLICATION,
        deviceId,
        COMMAND,
        "reboot",
        "{\"delay\":5}",
        TIME,
        "{\"name\":\"reboot\",\"payload\":{\"delay\":5},\"time\":\"2026-12-01T10:15:30.250Z\"}");
  }
}
