package io.devices.web.command;

import io.devices.api.CommandDeliveries;
import io.devices.api.CommandDeliveryStatus;
import io.devices.api.DeviceCommandEntry;
import io.devices.core.command.CommandDelivery;
import io.devices.core.command.CommandStatus;
import io.devices.core.command.SentCommand;
import io.devices.core.common.Page;
import io.devices.web.Wire;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Maps commands and deliveries to their wire form. */
public final class CommandViews {
  private static final JsonProvider JSON = JsonProvider.provider();

  private CommandViews() {}

  static io.devices.api.CommandStatus of(CommandStatus status) {
    var command = status.command();
    return new io.devices.api.CommandStatus(
        command.id(),
        command.applicationId(),
        command.name(),
        command.payloadJson().map(CommandViews::parse).orElse(JsonValue.NULL),
        Wire.date(command.time()),
        Wire.date(command.creationDate()),
        Wire.date(command.expiresAt()),
        command.targeted(),
        status.pending(),
        status.delivered(),
        status.failed(),
        status.cancelled());
  }

  /** A command as Get Command lists it for one device. */
  public static DeviceCommandEntry of(SentCommand sent) {
    var command = sent.command();
    return new DeviceCommandEntry(
        command.name(),
        command.payloadJson().map(CommandViews::parse).orElse(JsonValue.NULL),
        Wire.date(command.time()),
        command.id(),
        sent.state().name(),
        sent.attempts(),
        sent.deliveredAt().map(Wire::date).orElse(null));
  }

  static CommandDeliveryStatus of(CommandDelivery delivery) {
    return new CommandDeliveryStatus(
        delivery.deviceId(),
        delivery.transport().orElse(null),
        delivery.state().name(),
        delivery.attempts(),
        delivery.lastError().orElse(null),
        delivery.deliveredAt().map(Wire::date).orElse(null));
  }

  /** A page of deliveries, with the state asked for (if any). */
  static CommandDeliveries deliveries(Page<CommandDelivery> page, String state) {
    return new CommandDeliveries(
        page.items().stream().map(CommandViews::of).toList(),
        page.items().size(),
        page.totalCount(),
        page.page(),
        page.perPage(),
        state);
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
