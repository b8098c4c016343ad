package io.devices.web.command;

import io.devices.api.DeviceTag;
import io.devices.api.MultiDeviceCommand;
import io.devices.core.command.CommandDraft;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.device.TagFilter;
import io.devices.web.Wire;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Multi Device Command body (Send Command) as the core's {@link CommandDraft}. Its {@code
 * payload} and {@code time} may be any JSON, so the body reader leaves them as {@link JsonValue}s.
 */
public final class CommandDrafts {
  public static final int MAX_DEVICE_IDS = 10_000;
  public static final int MAX_DEVICE_TAGS = 100;
  private static final String TIME_RULE =
      " must be an ISO-8601 date-time, milliseconds since the epoch or {\"$date\": <ISO-8601>}";

  private CommandDrafts() {}

  /**
   * @param now the time of the request: a command without {@code time} carries it
   */
  public static CommandDraft of(MultiDeviceCommand body, Instant now) {
    String name = Texts.requireLength("name", body.name(), Texts.MAX_NAME);
    JsonValue payload = (JsonValue) body.payload();
    Instant time = body.time() == null ? now : time((JsonValue) body.time());
    List<String> ids = deviceIds(body.deviceIds());
    List<TagFilter> tags = deviceTags(body.deviceTags());
    if (ids.isEmpty() && tags.isEmpty()) {
      throw DomainException.validation("deviceIds or deviceTags must select at least one device");
    }
    return new CommandDraft(name, payload == null ? null : payload.toString(), time, ids, tags);
  }

  private static Instant time(JsonValue value) {
    if (value instanceof JsonString text) {
      return Wire.requireWireYear("time", parse("time", text.getString()));
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return Wire.requireWireYear("time", Instant.ofEpochMilli(number.longValueExact()));
      } catch (ArithmeticException | DateTimeException e) {
        throw DomainException.validation("time" + TIME_RULE);
      }
    }
    if (value instanceof JsonObject date) {
      for (String key : date.keySet()) {
        if (!key.equals("$date")) {
          throw DomainException.validation("time." + key + " is not an allowed field");
        }
      }
      JsonValue iso = date.get("$date");
      if (iso instanceof JsonString text) {
        return Wire.requireWireYear("time.$date", parse("time.$date", text.getString()));
      }
      if (iso != null && iso.getValueType() != JsonValue.ValueType.NULL) {
        throw DomainException.validation("time.$date must be a string");
      }
    }
    throw DomainException.validation("time" + TIME_RULE);
  }

  private static Instant parse(String field, String iso) {
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeException e) {
      throw DomainException.validation(field + TIME_RULE);
    }
  }

  private static List<String> deviceIds(List<String> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_DEVICE_IDS) {
      throw DomainException.validation(
          "deviceIds must have at most " + MAX_DEVICE_IDS + " entries");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      ids.add(ObjectIds.require("deviceIds[" + i + "]", given.get(i)));
    }
    return new ArrayList<>(ids);
  }

  private static List<TagFilter> deviceTags(List<DeviceTag> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_DEVICE_TAGS) {
      throw DomainException.validation(
          "deviceTags must have at most " + MAX_DEVICE_TAGS + " entries");
    }
    List<TagFilter> tags = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      DeviceTag tag = given.get(i);
      tags.add(TagFilter.of("deviceTags[" + i + "]", tag.key(), tag.value()));
    }
    return tags;
  }
}
