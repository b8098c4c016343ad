package io.devices.core.command;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The message a device receives: {@code {"name","payload","time"}}, time in ISO-8601 UTC. */
final class CommandMessages {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private CommandMessages() {}

  static String json(String name, String payloadJson, Instant time) {
    JsonObjectBuilder message = JSON.createObjectBuilder().add("name", name);
    if (payloadJson == null) {
      message.add("payload", JsonValue.NULL);
    } else {
      try (JsonReader reader = JSON.createReader(new StringReader(payloadJson))) {
        message.add("payload", reader.readValue());
      }
    }
    return message.add("time", ISO_MILLIS.format(time)).build().toString();
  }
}
