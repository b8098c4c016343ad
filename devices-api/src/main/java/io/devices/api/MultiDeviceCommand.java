package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Send Command body: a command and the devices it goes to, the union of those named by id, by
 * tag and by query.
 */
@Schema(name = "MultiDeviceCommand")
public record MultiDeviceCommand(
    @Schema(description = "The command's name", minLength = 1, maxLength = 255, required = true)
        String name,
    @Schema(description = "Any JSON value", type = SchemaType.OBJECT) Object payload,
    @Schema(
            description =
                "ISO-8601 string, milliseconds since the epoch or {\"$date\": ISO-8601}; default now")
        Object time,
    @Schema(description = "Devices by id", maxItems = 10000) List<String> deviceIds,
    @Schema(description = "Devices by tag: any entry matches", maxItems = 100)
        List<DeviceTagFilter> deviceTags,
    @Schema(description = "Devices by advanced device query", type = SchemaType.OBJECT)
        Object deviceQuery) {

  /** A command to devices given by ids and tags, without a query. */
  public MultiDeviceCommand(
      String name,
      Object payload,
      Object time,
      List<String> deviceIds,
      List<DeviceTagFilter> deviceTags) {
    this(name, payload, time, deviceIds, deviceTags, null);
  }
}
