package io.devices.webhook;

import io.devices.spi.command.CommandMessage;
import java.nio.charset.StandardCharsets;

/**
 * The JSON a receiver gets for one delivery: {@code {"deliveryId","applicationId","deviceId",
 * "commandId","command"}}, where {@code command} is the message a device receives over MQTT, {@code
 * {"name","payload","time"}}. The ids let a receiver route it and drop a repeat (at least once:
 * {@code deliveryId} is the same on every attempt).
 */
final class WebhookBody {
  private WebhookBody() {}

  static byte[] of(CommandMessage message) {
    String json =
        "{\"deliveryId\":"
            + quoted(message.deliveryId())
            + ",\"applicationId\":"
            + quoted(message.applicationId())
            + ",\"deviceId\":"
            + quoted(message.deviceId())
            + ",\"commandId\":"
            + quoted(message.commandId())
            + ",\"command\":"
            + message.json()
            + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
