package io.devices.web.command;

import io.devices.api.DeviceCommand;
import io.devices.api.DeviceTagFilter;
import io.devices.api.MultiDeviceCommand;
import io.devices.core.command.CommandDraft;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.common.WireDates;
import io.devices.core.device.query.DeviceQuery;
import io.devices.core.device.query.QueryReader;
import io.devices.core.device.query.Selectors;
import io.devices.core.device.query.TagCondition;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
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
    Instant time = timeOf(body.time(), now);
    List<DeviceQuery> targets = new ArrayList<>();
    List<String> ids = deviceIds(body.deviceIds());
    if (!ids.isEmpty()) {
      targets.add(Selectors.ids(ids));
    }
    targets.addAll(deviceTags(body.deviceTags()));
    if (body.deviceQuery() != null) {
      targets.add(QueryReader.read((JsonValue) body.deviceQuery(), "deviceQuery"));
    }
    if (targets.isEmpty()) {
      throw DomainException.validation(
          "deviceIds, deviceTags or deviceQuery must select at least one device");
    }
    String payloadJson = payload == null ? null : payload.toString();
    return new CommandDraft(name, payloadJson, time, DeviceQuery.or(targets));
  }

  /**
   * A Device Command body (one device) as the command draft for that device, Send Command's rules.
   */
  public static CommandDraft of(DeviceCommand body, String deviceId, Instant now) {
    String name = Texts.requireLength("name", body.name(), Texts.MAX_NAME);
    JsonValue payload = (JsonValue) body.payload();
    return new CommandDraft(
        name,
        payload == null ? null : payload.toString(),
        timeOf(body.time(), now),
        Selectors.ids(List.of(deviceId)));
  }

  /** A command's {@code time} (any of its three forms); {@code now} when absent. */
  private static Instant timeOf(Object time, Instant now) {
    return time == null ? now : time((JsonValue) time);
  }

  private static Instant time(JsonValue value) {
    if (value instanceof JsonString text) {
      return WireDates.parseIso("time", text.getString(), TIME_RULE);
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return WireDates.fromEpochMilli("time", number.bigDecimalValue(), TIME_RULE);
    }
    if (value instanceof JsonObject date) {
      for (String key : date.keySet()) {
        if (!key.equals("$date")) {
          throw DomainException.validation("time." + key + " is not an allowed field");
        }
      }
      JsonValue iso = date.get("$date");
      if (iso instanceof JsonString text) {
        return WireDates.parseIso("time.$date", text.getString(), TIME_RULE);
      }
      if (iso != null && iso.getValueType() != JsonValue.ValueType.NULL) {
        throw DomainException.validation("time.$date must be a string");
      }
    }
    throw DomainException.validation("time" + TIME_RULE);
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

  private static List<TagCondition> deviceTags(List<DeviceTagFilter> given) {
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_DEVICE_TAGS) {
      throw DomainException.validation(
          "deviceTags must have at most " + MAX_DEVICE_TAGS + " entries");
    }
    List<TagCondition> tags = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      String field = "deviceTags[" + i + "]";
      DeviceTagFilter tag = given.get(i);
      JsonValue value = (JsonValue) tag.value();
      String text = value == null ? null : QueryReader.tagValueText(value, field + ".value");
      tags.add(Selectors.tag(field, tag.key(), text));
    }
    return tags;
  }
}
