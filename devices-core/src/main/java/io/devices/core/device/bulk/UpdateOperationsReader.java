package io.devices.core.device.bulk;

import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.device.Attribute;
import io.devices.core.device.AttributeType;
import io.devices.core.device.DeviceClass;
import io.devices.core.device.Tag;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a bulk patch's {@code updateOperations} (1..{@value #MAX_OPERATIONS} objects of {@code
 * operation}, {@code target} and the fields that pair needs), strictly, like the query reader: an
 * unknown field, a missing or ill-typed one, an invalid value, or an operation on a target this
 * server does not model is a Validation error naming its path ({@code updateOperations[1].value.key
 * must match ...}).
 *
 * <p>In the core, not the web module, because the operations are stored with a job and read back by
 * its worker with the same rules.
 */
public final class UpdateOperationsReader {
  public static final int MAX_OPERATIONS = 25;

  private static final Set<String> OPERATIONS = Set.of("set", "remove", "add");

  /** Targets of the platform's operations that this server does not model: a 400, never ignored. */
  private static final Set<String> UNSUPPORTED_TARGETS =
      Set.of(
          "attributeTag",
          "attributeDescription",
          "attributeSystem",
          "systemInterval",
          "keepDuplicates",
          "parentId");

  private static final String SUPPORTED =
      "set name, set description, set deviceClass, set gatewayId, set tag, set attributeName,"
          + " remove description, remove tag, remove attribute, add attribute";

  private UpdateOperationsReader() {}

  public static List<UpdateOperation> read(JsonValue json, String path) {
    if (!(json instanceof JsonArray array)) {
      throw DomainException.validation(path + " must be an array");
    }
    if (array.isEmpty() || array.size() > MAX_OPERATIONS) {
      throw DomainException.validation(
          path + " must have between 1 and " + MAX_OPERATIONS + " entries");
    }
    return operations(array, path, false);
  }

  /**
   * Reads the operations a job stored ({@link UpdateOperation#toJson}): the wire's, and the whole
   * list replacements that {@code updateFields} compiles to.
   */
  public static List<UpdateOperation> readStored(JsonArray array) {
    return operations(array, "updateOperations", true);
  }

  private static List<UpdateOperation> operations(JsonArray array, String path, boolean stored) {
    List<UpdateOperation> operations = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      operations.add(operation(array.get(i), path + "[" + i + "]", stored));
    }
    return List.copyOf(operations);
  }

  private static UpdateOperation operation(JsonValue json, String path, boolean stored) {
    if (!(json instanceof JsonObject object)) {
      throw DomainException.validation(path + " must be an object");
    }
    String operation = string(object, "operation", path);
    String target = string(object, "target", path);
    if (!OPERATIONS.contains(operation)) {
      throw DomainException.validation(path + ".operation must be one of set, remove, add");
    }
    String name = operation + " " + target;
    if (UNSUPPORTED_TARGETS.contains(target)) {
      throw DomainException.validation(path + ": " + name + " is not supported by this server");
    }
    Fields fields = new Fields(object, path, "operation", "target");
    if (stored && name.equals("set tags")) {
      return new UpdateOperation.ReplaceTags(
          list(object, path).stream().map(v -> tag(object(v, path), path)).toList());
    }
    if (stored && name.equals("set attributes")) {
      return new UpdateOperation.ReplaceAttributes(
          list(object, path).stream().map(v -> attribute(object(v, path), path)).toList());
    }
    UpdateOperation read =
        switch (name) {
          case "set name" ->
              new UpdateOperation.SetName(
                  Texts.requireLength(path + ".value", fields.string("value"), Texts.MAX_NAME));
          case "set description" ->
              new UpdateOperation.SetDescription(
                  Texts.optionalLength(
                      path + ".value", fields.string("value"), Texts.MAX_DESCRIPTION));
          case "set deviceClass" ->
              new UpdateOperation.SetDeviceClass(
                  DeviceClass.parse(path + ".value", fields.string("value")));
          case "set gatewayId" ->
              new UpdateOperation.SetGatewayId(
                  ObjectIds.require(path + ".value", fields.string("value")));
          case "set tag" ->
              new UpdateOperation.SetTag(tag(fields.object("value"), path + ".value"));
          case "set attributeName" ->
              new UpdateOperation.RenameAttribute(
                  Texts.requireIdentifier(path + ".attributeName", fields.string("attributeName")),
                  Texts.requireIdentifier(path + ".value", fields.string("value")));
          case "remove description" -> new UpdateOperation.SetDescription("");
          case "remove tag" ->
              new UpdateOperation.RemoveTag(
                  Texts.requireIdentifier(path + ".tagKey", fields.string("tagKey")));
          case "remove attribute" ->
              new UpdateOperation.RemoveAttribute(
                  Texts.requireIdentifier(path + ".attributeName", fields.string("attributeName")));
          case "add attribute" ->
              new UpdateOperation.AddAttribute(attribute(fields.object("value"), path + ".value"));
          default ->
              throw DomainException.validation(
                  path + ": " + name + " is not an operation; use one of " + SUPPORTED);
        };
    fields.requireNoOthers();
    return read;
  }

  private static Tag tag(JsonObject value, String path) {
    Fields fields = new Fields(value, path);
    Tag tag =
        new Tag(
            Texts.requireIdentifier(path + ".key", fields.string("key")),
            Texts.requireLength(path + ".value", fields.string("value"), Texts.MAX_NAME));
    fields.requireNoOthers();
    return tag;
  }

  private static Attribute attribute(JsonObject value, String path) {
    Fields fields = new Fields(value, path);
    Attribute attribute =
        new Attribute(
            Texts.requireIdentifier(path + ".name", fields.string("name")),
            AttributeType.parse(path + ".dataType", fields.string("dataType")));
    fields.requireNoOthers();
    return attribute;
  }

  private static JsonArray list(JsonObject object, String path) {
    if (!(object.get("value") instanceof JsonArray array)) {
      throw DomainException.validation(path + ".value must be an array");
    }
    return array;
  }

  private static JsonObject object(JsonValue value, String path) {
    if (!(value instanceof JsonObject object)) {
      throw DomainException.validation(path + " must be an object");
    }
    return object;
  }

  private static String string(JsonObject object, String key, String path) {
    JsonValue value = object.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw DomainException.validation(path + "." + key + " is required");
    }
    if (!(value instanceof JsonString text)) {
      throw DomainException.validation(path + "." + key + " must be a string");
    }
    return text.getString();
  }

  /** The fields of one object that a reader has taken, so that any other is refused. */
  private static final class Fields {
    private final JsonObject object;
    private final String path;
    private final Set<String> taken = new HashSet<>();

    Fields(JsonObject object, String path, String... read) {
      this.object = object;
      this.path = path;
      taken.addAll(List.of(read));
    }

    /** A required string field. */
    String string(String key) {
      taken.add(key);
      return UpdateOperationsReader.string(object, key, path);
    }

    JsonObject object(String key) {
      taken.add(key);
      JsonValue value = object.get(key);
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        throw DomainException.validation(path + "." + key + " is required");
      }
      if (!(value instanceof JsonObject inner)) {
        throw DomainException.validation(path + "." + key + " must be an object");
      }
      return inner;
    }

    void requireNoOthers() {
      for (String key : object.keySet()) {
        if (!taken.contains(key)) {
          throw DomainException.validation(path + "." + key + " is not an allowed field");
        }
      }
    }
  }
}
