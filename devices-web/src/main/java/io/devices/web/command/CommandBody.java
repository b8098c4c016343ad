package io.devices.web.command;

import io.devices.core.command.CommandDraft;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.device.TagFilter;
import io.devices.web.json.JsonFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads a Multi Device Command body (Send Command); no fields beyond the schema's. */
public final class CommandBody {
  private static final Set<String> FIELDS =
      Set.of("name", "payload", "time", "deviceIds", "deviceTags");
  private static final Set<String> TAG_FIELDS = Set.of("key", "value");
  private static final int MAX_DEVICE_IDS = 10_000;
  private static final int MAX_DEVICE_TAGS = 100;
  private static final String TIME_RULE =
      " must be an ISO-8601 date-time, milliseconds since the epoch or {\"$date\": <ISO-8601>}";

  private CommandBody() {}

  /**
   * @param now the time of the request: a command without {@code time} carries it
   */
  public static CommandDraft read(JsonFields json, Instant now) {
    json.allowOnly(FIELDS);
    String name = Texts.requireLength(json.field("name"), json.string("name"), Texts.MAX_NAME);
    JsonValue payload = json.raw("payload");
    Instant time = json.raw("time") != null ? time(json) : now;
    List<String> ids = deviceIds(json);
    List<TagFilter> tags = deviceTags(json);
    if (ids.isEmpty() && tags.isEmpty()) {
      throw DomainException.validation("deviceIds or deviceTags must select at least one device");
    }
    return new CommandDraft(name, payload == null ? null : payload.toString(), time, ids, tags);
  }

  private static Instant time(JsonFields json) {
    String field = json.field("time");
    JsonValue value = json.raw("time");
    if (value instanceof JsonString text) {
      return parse(field, text.getString());
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return Instant.ofEpochMilli(number.longValueExact());
      } catch (ArithmeticException | DateTimeException e) {
        throw DomainException.validation(field + TIME_RULE);
      }
    }
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonFields date = json.object("time");
      date.allowOnly(Set.of("$date"));
      String iso = date.string("$date");
      if (iso != null) {
        return parse(date.field("$date"), iso);
      }
    }
    throw DomainException.validation(field + TIME_RULE);
  }

  private static Instant parse(String field, String iso) {
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeException e) {
      throw DomainException.validation(field + TIME_RULE);
    }
  }

  private static List<String> deviceIds(JsonFields json) {
    List<String> given = json.strings("deviceIds");
    if (given == null) {
      return List.of();
    }
    if (given.size() > MAX_DEVICE_IDS) {
      throw DomainException.validation(
          json.field("deviceIds") + " must have at most " + MAX_DEVICE_IDS + " entries");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      ids.add(ObjectIds.require(json.field("deviceIds") + "[" + i + "]", given.get(i)));
    }
    return new ArrayList<>(ids);
  }

  private static List<TagFilter> deviceTags(JsonFields json) {
    List<JsonFields> given = json.objects("deviceTags");
    if (given.size() > MAX_DEVICE_TAGS) {
      throw DomainException.validation(
          json.field("deviceTags") + " must have at most " + MAX_DEVICE_TAGS + " entries");
    }
    List<TagFilter> tags = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      JsonFields tag = given.get(i).allowOnly(TAG_FIELDS);
      tags.add(
          TagFilter.of(
              json.field("deviceTags") + "[" + i + "]", tag.string("key"), tag.string("value")));
    }
    return tags;
  }
}
