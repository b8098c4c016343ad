package io.devices.web.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON fields of a wire record, taken from its components once per class: each component is a
 * field of the same name, of a JSON type that follows from the component's Java type.
 */
record RecordShape<R extends Record>(
    Constructor<R> constructor, List<Field> fields, Map<String, Field> byName) {

  private static final ClassValue<RecordShape<?>> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape<?> computeValue(Class<?> type) {
          return inspect(type.asSubclass(Record.class));
        }
      };

  /** What a component holds on the wire. */
  enum Kind {
    STRING,
    STRINGS,
    RECORD,
    RECORDS,
    /** Any JSON value, kept as a {@link jakarta.json.JsonValue}. */
    ANY
  }

  /** One field: its name, JSON kind and, for (lists of) records, the record class. */
  record Field(String name, Kind kind, Class<? extends Record> recordType) {}

  @SuppressWarnings("unchecked")
  static <R extends Record> RecordShape<R> of(Class<R> type) {
    return (RecordShape<R>) SHAPES.get(type);
  }

  private static <R extends Record> RecordShape<R> inspect(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    List<Field> fields = Arrays.stream(components).map(RecordShape::field).toList();
    Class<?>[] parameters =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return new RecordShape<>(
          type.getDeclaredConstructor(parameters),
          fields,
          fields.stream().collect(Collectors.toMap(Field::name, Function.identity())));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("A record without its canonical constructor: " + type, e);
    }
  }

  private static Field field(RecordComponent component) {
    Class<?> type = component.getType();
    String name = component.getName();
    if (type == String.class) {
      return new Field(name, Kind.STRING, null);
    }
    if (type == Object.class) {
      return new Field(name, Kind.ANY, null);
    }
    if (type.isRecord()) {
      return new Field(name, Kind.RECORD, type.asSubclass(Record.class));
    }
    if (type == List.class) {
      Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
      if (element == String.class) {
        return new Field(name, Kind.STRINGS, null);
      }
      if (element instanceof Class<?> c && c.isRecord()) {
        return new Field(name, Kind.RECORDS, c.asSubclass(Record.class));
      }
    }
    throw new IllegalStateException(
        "No JSON reading for " + component.getGenericType() + " " + name + " of a request record");
  }
}
