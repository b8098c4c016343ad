package io.devices.web.json;

import io.devices.core.common.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed, checked access to the fields of a JSON object of a request. Every failure is a Validation
 * error naming the field by its path, e.g. {@code tags[2].key}. A field that is absent or JSON
 * {@code null} reads as absent.
 */
public final class JsonFields {
  private final String path;
  private final JsonObject object;

  JsonFields(String path, JsonObject object) {
    this.path = path;
    this.object = object;
  }

  /** Refuses every field not in {@code allowed}. */
  public JsonFields allowOnly(Set<String> allowed) {
    for (String name : object.keySet()) {
      if (!allowed.contains(name)) {
        throw DomainException.validation(path + name + " is not an allowed field");
      }
    }
    return this;
  }

  public String field(String name) {
    return path + name;
  }

  /** A string field, or null when absent. */
  public String string(String name) {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw DomainException.validation(field(name) + " must be a string");
  }

  /** Whether the field is present, even as JSON {@code null}. */
  public boolean has(String name) {
    return object.containsKey(name);
  }

  /** The field's value as given, or null when absent or JSON {@code null}. */
  public JsonValue raw(String name) {
    return value(name);
  }

  /** A nested object, or null when absent. */
  public JsonFields object(String name) {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonObject o) {
      return new JsonFields(field(name) + ".", o);
    }
    throw DomainException.validation(field(name) + " must be an object");
  }

  /** An array of objects, or an empty list when absent. */
  public List<JsonFields> objects(String name) {
    JsonArray array = array(name);
    List<JsonFields> objects = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject o)) {
        throw DomainException.validation(field(name) + "[" + i + "] must be an object");
      }
      objects.add(new JsonFields(field(name) + "[" + i + "].", o));
    }
    return objects;
  }

  /** An array of strings, or null when absent. */
  public List<String> strings(String name) {
    if (value(name) == null) {
      return null;
    }
    JsonArray array = array(name);
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString s)) {
        throw DomainException.validation(field(name) + "[" + i + "] must be a string");
      }
      strings.add(s.getString());
    }
    return strings;
  }

  private JsonArray array(String name) {
    JsonValue value = value(name);
    if (value == null) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (value instanceof JsonArray a) {
      return a;
    }
    throw DomainException.validation(field(name) + " must be an array");
  }

  private JsonValue value(String name) {
    JsonValue value = object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
  }
}
