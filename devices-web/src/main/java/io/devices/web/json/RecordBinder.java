package io.devices.web.json;

import io.devices.core.common.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a JSON object to a wire record, strictly: no field beyond the record's components, each of
 * the JSON type its component implies. Every failure is a Validation error naming the field by its
 * path, e.g. {@code tags[2].key}. A field that is absent or JSON {@code null} binds to null.
 */
final class RecordBinder {
  private RecordBinder() {}

  static <R extends Record> R bind(JsonObject object, Class<R> type) {
    return bind("", object, type);
  }

  private static <R extends Record> R bind(String path, JsonObject object, Class<R> type) {
    RecordShape<R> shape = RecordShape.of(type);
    for (String name : object.keySet()) {
      if (!shape.byName().containsKey(name)) {
        throw DomainException.validation(path + name + " is not an allowed field");
      }
    }
    Object[] values = new Object[shape.fields().size()];
    for (int i = 0; i < values.length; i++) {
      RecordShape.Field field = shape.fields().get(i);
      JsonValue value = object.get(field.name());
      boolean absent = value == null || value.getValueType() == JsonValue.ValueType.NULL;
      values[i] = absent ? null : value(path + field.name(), field, value);
    }
    try {
      return shape.constructor().newInstance(values);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object value(String field, RecordShape.Field shape, JsonValue value) {
    return switch (shape.kind()) {
      case STRING -> string(field, value);
      case ANY -> value;
      case RECORD -> bind(field + ".", object(field, value), shape.recordType());
      case STRINGS -> {
        JsonArray array = array(field, value);
        List<String> strings = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          strings.add(string(field + "[" + i + "]", array.get(i)));
        }
        yield strings;
      }
      case RECORDS -> {
        JsonArray array = array(field, value);
        List<Record> records = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          String element = field + "[" + i + "]";
          records.add(bind(element + ".", object(element, array.get(i)), shape.recordType()));
        }
        yield records;
      }
    };
  }

  private static String string(String field, JsonValue value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw DomainException.validation(field + " must be a string");
  }

  private static JsonObject object(String field, JsonValue value) {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw DomainException.validation(field + " must be an object");
  }

  private static JsonArray array(String field, JsonValue value) {
    if (value instanceof JsonArray a) {
      return a;
    }
    throw DomainException.validation(field + " must be an array");
  }
}
