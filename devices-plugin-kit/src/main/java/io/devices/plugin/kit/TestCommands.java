package io.devices.plugin.kit;

import io.devices.spi.command.CommandMessage;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/** Command messages as the server builds them, for fresh devices with random 24-hex ids. */
final class TestCommands {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String APPLICATION_ID = newId();
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TestCommands() {}

  /** A random 24-hex id, as the server's object ids look. */
  static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** {@code count} messages, each for a device of its own. */
  static List<CommandMessage> batch(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> message(newId(), "reboot", "{\"n\":" + i + "}"))
        .toList();
  }

  /** A message with the server's {@code {"name","payload","time"}} JSON (time in milliseconds). */
  static CommandMessage message(String deviceId, String name, String payloadJson) {
    String commandId = newId();
    Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String json =
        "{\"name\":"
            + quoted(name)
            + ",\"payload\":"
            + (payloadJson == null ? "null" : payloadJson)
            + ",\"time\":\""
            + ISO_MILLIS.format(time)
            + "\"}";
    return new CommandMessage(
        commandId + ":" + deviceId,
        APPLICATION_ID,
        deviceId,
        commandId,
        name,
        payloadJson,
        time,
        json);
  }

  /** {@code s} as a JSON string, escaped as JSON-P escapes it (quote, backslash, controls). */
  static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
