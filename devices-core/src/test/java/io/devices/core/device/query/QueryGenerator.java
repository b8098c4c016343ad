package io.devices.core.device.query;

import io.devices.core.common.ObjectIds;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceClass;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random advanced device queries in their JSON form, drawn from values the fleet holds (so that
 * they select something) and values it does not: every key and operator, nesting, {@code $ci},
 * every tag form, numbers and booleans as tag values, ids, dates as text and as milliseconds, empty
 * {@code $in}/{@code $nin} lists.
 */
final class QueryGenerator {
  static final String[] NAMES = {
    "Dev",
    "dev",
    "DEV-1",
    "dev_1",
    "dev%1",
    "a_b",
    "50%",
    "[x]",
    "back\\slash",
    "Äpfel",
    "äpfel 2",
    "ΑΣ",
    "ασ",
    "日本",
    "\uD83D\uDE80 rocket",
    "sensor 8",
    "Sensor 9",
    "x",
    "İstanbul"
  };
  static final String[] TAG_KEYS = {"floor", "kind", "zone", "Floor"};
  static final String[] TAG_VALUES = {"1", "2", "8", "8.5", "lamp", "Lamp", "north", "true", "Ä"};
  static final String[] ATTRIBUTES = {"temp", "humidity", "gps", "Temp", "t_1"};
  static final long[] TIMES = {
    1_000_000L, 1_000_001L, 1_500_000L, 86_400_000L, 1_465_790_400_000L, 1_465_790_400_001L
  };
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final String[] FIELD_OPERATORS = {
    "$eq", "$ne", "$gt", "$lt", "$gte", "$lte", "$in", "$nin"
  };
  private static final String[] TEXT_OPERATORS = {"$startsWith", "$endsWith", "$contains"};

  private final Random random;
  private final List<Device> fleet;

  QueryGenerator(Random random, List<Device> fleet) {
    this.random = random;
    this.fleet = fleet;
  }

  static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A query object of one to three distinct keys; junctions below depth 3. */
  JsonValue query(int depth) {
    List<String> keys =
        new ArrayList<>(
            List.of(
                "id",
                "gatewayId",
                "name",
                "deviceClass",
                "creationDate",
                "lastUpdated",
                "deletedAt",
                "attributeName",
                "tags",
                "connectionStatus"));
    if (depth < 3) {
      keys.addAll(List.of("$and", "$or", "$nor", "$and", "$or", "$nor"));
    }
    Collections.shuffle(keys, random);
    JsonObjectBuilder object = JSON.createObjectBuilder();
    int size = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 1 : 3);
    List<String> used = new ArrayList<>();
    for (String key : keys) {
      if (used.size() == size) {
        break;
      }
      if (used.contains(key)) {
        continue;
      }
      used.add(key);
      object.add(key, value(key, depth));
    }
    return object.build();
  }

  private JsonValue value(String key, int depth) {
    return switch (key) {
      case "$and", "$or", "$nor" -> {
        JsonArrayBuilder parts = JSON.createArrayBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          parts.add(query(depth + 1));
        }
        yield parts.build();
      }
      case "id" -> ids(false);
      case "gatewayId" -> ids(true);
      case "name" -> operators(this::name, true);
      case "deviceClass" -> operators(this::deviceClass, true);
      case "creationDate", "lastUpdated", "deletedAt" -> operators(this::date, false);
      case "attributeName" -> operators(this::attributeName, true);
      case "tags" -> tags();
      default -> connection();
    };
  }

  // ---- fields

  private JsonValue ids(boolean gateway) {
    if (random.nextInt(3) == 0) {
      return id(gateway);
    }
    String operator = pick(random, FIELD_OPERATORS);
    JsonObjectBuilder object = JSON.createObjectBuilder();
    if (operator.equals("$in") || operator.equals("$nin")) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      for (int i = random.nextInt(5) - 1; i >= 0; i--) {
        list.add(id(gateway));
      }
      return object.add(operator, list).build();
    }
    return object.add(operator, id(gateway)).build();
  }

  private JsonValue id(boolean gateway) {
    int kind = random.nextInt(6);
    if (kind == 0) {
      return JsonValue.NULL;
    }
    if (kind == 1) {
      return JSON.createValue(ObjectIds.next(Instant.ofEpochSecond(random.nextInt(3000))));
    }
    Device device = pick(random, fleet);
    String id = gateway ? device.gatewayId().orElse(device.id()) : device.id();
    return JSON.createValue(random.nextInt(4) == 0 ? id.toUpperCase(Locale.ROOT) : id);
  }

  /** A value, or an object of one or two operators (text operators too when textual). */
  private JsonValue operators(java.util.function.Supplier<JsonValue> value, boolean textual) {
    if (random.nextInt(3) == 0) {
      return value.get();
    }
    JsonObjectBuilder object = JSON.createObjectBuilder();
    List<String> used = new ArrayList<>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      String operator =
          textual && random.nextInt(3) == 0
              ? pick(random, TEXT_OPERATORS)
              : pick(random, FIELD_OPERATORS);
      if (used.contains(operator)) {
        continue;
      }
      used.add(operator);
      if (operator.equals("$in") || operator.equals("$nin")) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (int j = random.nextInt(5) - 1; j >= 0; j--) {
          list.add(value.get());
        }
        object.add(operator, list);
      } else if (operator.startsWith("$") && List.of(TEXT_OPERATORS).contains(operator)) {
        object.add(operator, fragment(operator, value.get()));
      } else {
        object.add(operator, value.get());
      }
    }
    if (textual && random.nextBoolean()) {
      object.add("$ci", random.nextBoolean());
    }
    return object.build();
  }

  /**
   * A non-empty piece of a text value, for the text operators: mostly its start for {@code
   * $startsWith} and its end for {@code $endsWith}, so that they select something.
   */
  private JsonValue fragment(String operator, JsonValue value) {
    String text =
        value.getValueType() == JsonValue.ValueType.STRING
            ? ((jakarta.json.JsonString) value).getString()
            : "e";
    int[] points = text.codePoints().toArray();
    if (points.length == 0) {
      return JSON.createValue("e");
    }
    boolean aligned = random.nextInt(4) != 0;
    int start = aligned && operator.equals("$startsWith") ? 0 : random.nextInt(points.length);
    int end = start + 1 + random.nextInt(points.length - start);
    if (aligned && operator.equals("$endsWith")) {
      end = points.length;
    }
    String piece = new String(points, start, end - start);
    return JSON.createValue(random.nextInt(4) == 0 ? piece.toUpperCase(Locale.ROOT) : piece);
  }

  private JsonValue name() {
    int kind = random.nextInt(10);
    if (kind == 0) {
      return JsonValue.NULL;
    }
    if (kind == 1) {
      return JSON.createValue(random.nextInt(10)); // a number: compared as its text
    }
    String name = kind < 6 ? pick(random, fleet).name() : pick(random, NAMES);
    return JSON.createValue(random.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT) : name);
  }

  private JsonValue deviceClass() {
    return random.nextInt(10) == 0
        ? JsonValue.NULL
        : JSON.createValue(pick(random, DeviceClass.values()).name());
  }

  private JsonValue attributeName() {
    return random.nextInt(10) == 0 ? JsonValue.NULL : JSON.createValue(pick(random, ATTRIBUTES));
  }

  private JsonValue date() {
    long time = pick(random, fleet).creationDate().toEpochMilli() + random.nextInt(3) - 1;
    if (random.nextInt(8) == 0) {
      time = TIMES[random.nextInt(TIMES.length)];
    }
    return random.nextBoolean()
        ? JSON.createValue(time)
        : JSON.createValue(Instant.ofEpochMilli(time).toString());
  }

  private JsonValue connection() {
    JsonValue status = JSON.createValue(random.nextBoolean() ? "connected" : "disconnected");
    if (random.nextBoolean()) {
      return status;
    }
    String operator = pick(random, new String[] {"$eq", "$ne", "$in", "$nin"});
    JsonValue operand =
        operator.endsWith("in") ? JSON.createArrayBuilder().add(status).build() : status;
    return JSON.createObjectBuilder().add(operator, operand).build();
  }

  // ---- tags

  private JsonValue tags() {
    JsonValue form = random.nextBoolean() ? pairs() : keyAndValue();
    return switch (random.nextInt(4)) {
      case 0 -> JSON.createObjectBuilder().add("$ne", form).build();
      case 1 -> JSON.createObjectBuilder().add("$eq", form).build();
      default -> form;
    };
  }

  private JsonValue pairs() {
    JsonObjectBuilder pairs = JSON.createObjectBuilder();
    List<String> keys = new ArrayList<>(List.of(TAG_KEYS));
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      pairs.add(keys.remove(random.nextInt(keys.size())), tagMatch(false));
    }
    return pairs.build();
  }

  private JsonValue keyAndValue() {
    JsonObjectBuilder form = JSON.createObjectBuilder();
    int kind = random.nextInt(3);
    if (kind != 1) {
      form.add("$tagKey", tagMatch(true));
    }
    if (kind != 0) {
      form.add("$tagValue", tagMatch(false));
    }
    return form.build();
  }

  private JsonValue tagMatch(boolean key) {
    int kind = random.nextInt(6);
    if (kind == 0) {
      return JsonValue.NULL;
    }
    if (kind == 1) {
      String operator = random.nextBoolean() ? "$in" : "$nin";
      JsonArrayBuilder list = JSON.createArrayBuilder();
      for (int i = random.nextInt(4) - 1; i >= 0; i--) {
        list.add(tagText(key));
      }
      return JSON.createObjectBuilder().add(operator, list).build();
    }
    return tagText(key);
  }

  private JsonValue tagText(boolean key) {
    if (key) {
      return JSON.createValue(pick(random, TAG_KEYS));
    }
    return switch (random.nextInt(6)) {
      case 0 -> JSON.createValue(8); // the contract's own example: compared as "8"
      case 1 -> JSON.createValue(new java.math.BigDecimal("8.50")); // as "8.5"
      case 2 -> JsonValue.TRUE;
      default -> JSON.createValue(pick(random, TAG_VALUES));
    };
  }
}
