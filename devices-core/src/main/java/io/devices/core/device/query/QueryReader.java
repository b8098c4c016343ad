package io.devices.core.device.query;

import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;
import io.devices.core.common.WireDates;
import io.devices.core.device.DeviceClass;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON form of the advanced device query into a {@link DeviceQuery}, strictly: an unknown
 * key or operator, a value of the wrong type, a malformed id or date, more than {@value #MAX_ITEMS}
 * entries in an array, nesting deeper than {@value #MAX_DEPTH} levels or more than {@value
 * #MAX_TEXT} characters of JSON is a Validation error whose message names the path of the offending
 * part ({@code query.$or[1].name.$startsWith must be a non-empty string}).
 *
 * <p>It lives in the core, not the web module, because a query is stored with the work it selects
 * (an export) and read back by the worker with the same rules.
 */
public final class QueryReader {
  public static final int MAX_ITEMS = 100;
  public static final int MAX_DEPTH = 10;
  public static final int MAX_TEXT = 4096;

  /** Keys of the platform's query that this server does not model: a 400, never ignored. */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "parentId",
          "ancestorId",
          "experienceUserId",
          "experienceGroupId",
          "connectedAt",
          "disconnectedAt");

  private static final String KEYS =
      "$and, $or, $nor, id, gatewayId, name, deviceClass, creationDate, lastUpdated,"
          + " deletedAt, attributeName, tags, connectionStatus";

  private static final String DATE_RULE =
      " must be an ISO-8601 date-time or milliseconds since the epoch";

  /**
   * What {@code $in} of an empty list selects: no device. ({@code $nin} of an empty list excludes
   * none, so it is left out.) Conditions never hold an empty list.
   */
  static final DeviceQuery NOTHING =
      new Junction(Junction.Kind.nor, List.of(DeviceQuery.everything()));

  private QueryReader() {}

  /**
   * @param path how the query is named in messages: {@code query} or {@code deviceQuery}
   */
  public static DeviceQuery read(JsonValue json, String path) {
    if (json.toString().length() > MAX_TEXT) {
      throw DomainException.validation(path + " must be at most " + MAX_TEXT + " characters");
    }
    return query(json, path, 1);
  }

  private static DeviceQuery query(JsonValue json, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw DomainException.validation(path + " is nested deeper than " + MAX_DEPTH + " levels");
    }
    JsonObject object = object(json, path);
    List<DeviceQuery> parts = new ArrayList<>(object.size());
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      parts.add(key(entry.getKey(), entry.getValue(), path + "." + entry.getKey(), depth));
    }
    return DeviceQuery.and(parts);
  }

  private static DeviceQuery key(String key, JsonValue value, String path, int depth) {
    return switch (key) {
      case "$and" -> junction(Junction.Kind.and, value, path, depth);
      case "$or" -> junction(Junction.Kind.or, value, path, depth);
      case "$nor" -> junction(Junction.Kind.nor, value, path, depth);
      case "id" -> id(QueryField.id, value, path);
      case "gatewayId" -> id(QueryField.gatewayId, value, path);
      case "name" -> operators(QueryField.name, value, path);
      case "deviceClass" -> operators(QueryField.deviceClass, value, path);
      case "creationDate" -> operators(QueryField.creationDate, value, path);
      case "lastUpdated" -> operators(QueryField.lastUpdated, value, path);
      case "attributeName" -> attributeName(value, path);
      case "tags" -> Tags.read(value, path);
      case "connectionStatus" -> operators(QueryField.connectionStatus, value, path);
      case "deletedAt" -> operators(QueryField.deletedAt, value, path);
      default -> {
        if (UNSUPPORTED.contains(key)) {
          throw DomainException.validation(path + " is not supported by this server");
        }
        throw DomainException.validation(path + " is not a query key; use one of " + KEYS);
      }
    };
  }

  private static DeviceQuery junction(Junction.Kind kind, JsonValue value, String path, int depth) {
    JsonArray array = array(value, path);
    if (array.isEmpty()) {
      throw DomainException.validation(path + " must hold at least one query");
    }
    List<DeviceQuery> parts = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      parts.add(query(array.get(i), path + "[" + i + "]", depth + 1));
    }
    return new Junction(kind, parts);
  }

  // ---- id and gatewayId: a value or exactly one operator

  private static DeviceQuery id(QueryField field, JsonValue value, String path) {
    if (!(value instanceof JsonObject object)) {
      return FieldCondition.of(field, Operator.eq, idValue(value, path), false);
    }
    if (object.size() != 1) {
      throw DomainException.validation(path + " must hold exactly one operator");
    }
    Map.Entry<String, JsonValue> entry = object.entrySet().iterator().next();
    String operatorPath = path + "." + entry.getKey();
    Operator operator = Operator.of(entry.getKey());
    if (operator == null || operator.isText()) {
      throw DomainException.validation(
          operatorPath + " is not an operator for ids; use " + operatorsOf(QueryField.Type.ID));
    }
    if (operator.isList()) {
      JsonArray array = list(entry.getValue(), operatorPath);
      if (array.isEmpty()) {
        return operator == Operator.in ? NOTHING : DeviceQuery.everything();
      }
      List<Object> ids = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        ids.add(idValue(array.get(i), operatorPath + "[" + i + "]"));
      }
      return new FieldCondition(field, operator, ids, false);
    }
    return FieldCondition.of(field, operator, idValue(entry.getValue(), operatorPath), false);
  }

  private static String idValue(JsonValue value, String path) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s && ObjectIds.isWellFormed(s.getString())) {
      return s.getString().toLowerCase(Locale.ROOT);
    }
    throw DomainException.validation(path + " must be a 24-character hex id or null");
  }

  // ---- the other fields: a value, or an object of operators that must all hold

  private static DeviceQuery operators(QueryField field, JsonValue value, String path) {
    return DeviceQuery.and(operatorParts(field, value, path));
  }

  /** The conditions of a value or of an object of operators, all of which must hold. */
  private static List<DeviceQuery> operatorParts(QueryField field, JsonValue value, String path) {
    if (!(value instanceof JsonObject object)) {
      return List.of(
          FieldCondition.of(field, Operator.eq, value(field, value, path, false), false));
    }
    boolean ci = caseInsensitive(field, object, path);
    List<DeviceQuery> parts = new ArrayList<>(object.size());
    int operators = 0;
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      if (entry.getKey().equals("$ci")) {
        continue;
      }
      operators++;
      String operatorPath = path + "." + entry.getKey();
      Operator operator = operator(field, entry.getKey(), operatorPath);
      if (operator.isList()) {
        JsonArray array = list(entry.getValue(), operatorPath);
        if (array.isEmpty()) {
          if (operator == Operator.in) {
            parts.add(NOTHING);
          }
          continue;
        }
        List<Object> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          values.add(value(field, array.get(i), operatorPath + "[" + i + "]", ci));
        }
        parts.add(new FieldCondition(field, operator, values, ci));
      } else if (operator.isText()) {
        parts.add(FieldCondition.of(field, operator, text(entry.getValue(), operatorPath), ci));
      } else {
        parts.add(
            FieldCondition.of(
                field, operator, value(field, entry.getValue(), operatorPath, ci), ci));
      }
    }
    if (operators == 0) {
      throw DomainException.validation(path + " must hold at least one operator");
    }
    return parts;
  }

  private static boolean caseInsensitive(QueryField field, JsonObject object, String path) {
    JsonValue ci = object.get("$ci");
    if (ci == null) {
      return false;
    }
    if (field != QueryField.name && field != QueryField.deviceClass) {
      throw DomainException.validation(path + ".$ci is only allowed on text fields");
    }
    if (ci.getValueType() != JsonValue.ValueType.TRUE
        && ci.getValueType() != JsonValue.ValueType.FALSE) {
      throw DomainException.validation(path + ".$ci must be true or false");
    }
    return ci.getValueType() == JsonValue.ValueType.TRUE;
  }

  private static Operator operator(QueryField field, String key, String path) {
    Operator operator = Operator.of(key);
    QueryField.Type type = field.type();
    if (operator == null) {
      throw DomainException.validation(path + " is not an operator; use " + operatorsOf(type));
    }
    boolean allowed =
        switch (type) {
          case NAME, CLASS -> true;
          case DATE, ID -> !operator.isText();
          case CONNECTION -> !operator.isText() && !operator.isOrdering();
        };
    if (!allowed) {
      throw DomainException.validation(
          path + " is not an operator for " + field + "; use " + operatorsOf(type));
    }
    return operator;
  }

  /** The operators a field of this type takes, for messages. */
  private static String operatorsOf(QueryField.Type type) {
    return switch (type) {
      case NAME, CLASS ->
          "$eq, $ne, $gt, $lt, $gte, $lte, $in, $nin, $startsWith, $endsWith, $contains or $ci";
      case DATE, ID -> "$eq, $ne, $gt, $lt, $gte, $lte, $in or $nin";
      case CONNECTION -> "$eq, $ne, $in or $nin";
    };
  }

  /** A value compared with the field, normalized as {@link FieldCondition} expects. */
  private static Object value(QueryField field, JsonValue value, String path, boolean ci) {
    return switch (field.type()) {
      case NAME -> scalarText(value, path);
      case CLASS -> deviceClass(value, path, ci);
      case DATE -> date(value, path);
      case CONNECTION -> connection(value, path);
      case ID -> idValue(value, path);
    };
  }

  /** A string, a number (its decimal text), a boolean ({@code true}/{@code false}) or null. */
  static String scalarText(JsonValue value, String path) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> decimalText(((JsonNumber) value).bigDecimalValue(), path);
      case TRUE -> "true";
      case FALSE -> "false";
      default ->
          throw DomainException.validation(path + " must be a string, number, boolean or null");
    };
  }

  /**
   * A tag value given in a selector (Send Command's {@code deviceTags}): a string, or a number or
   * boolean compared as its text.
   */
  public static String tagValueText(JsonValue value, String path) {
    String text = scalarText(value, path);
    return text == null ? null : Texts.requireLength(path, text, Texts.MAX_NAME);
  }

  /**
   * A JSON number as the text a JavaScript client compares it as: {@code 8}, {@code 8.0} and {@code
   * 8e0} are all "8". Refused when the text would be longer than a tag value may be, so a literal
   * like {@code 1e999999999} costs nothing.
   */
  public static String decimalText(BigDecimal number, String path) {
    BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    long precision = stripped.precision();
    long scale = stripped.scale();
    long length = scale <= 0 ? precision - scale : Math.max(precision, scale) + 2;
    if (length > Texts.MAX_NAME) {
      throw DomainException.validation(
          path
              + " is a number too long to compare as text (at most "
              + Texts.MAX_NAME
              + " digits)");
    }
    return stripped.toPlainString();
  }

  private static String deviceClass(JsonValue value, String path, boolean ci) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      for (DeviceClass deviceClass : DeviceClass.values()) {
        String name = deviceClass.name();
        if (ci ? name.equalsIgnoreCase(s.getString()) : name.equals(s.getString())) {
          return s.getString();
        }
      }
    }
    throw DomainException.validation(path + " must be one of " + DeviceClass.names());
  }

  private static Long date(JsonValue value, String path) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return WireDates.parseIso(path, s.getString(), DATE_RULE).toEpochMilli();
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return WireDates.fromEpochMilli(path, n.bigDecimalValue(), DATE_RULE).toEpochMilli();
    }
    throw DomainException.validation(path + DATE_RULE);
  }

  private static Boolean connection(JsonValue value, String path) {
    if (value instanceof JsonString s) {
      if (s.getString().equals("connected")) {
        return true;
      }
      if (s.getString().equals("disconnected")) {
        return false;
      }
    }
    throw DomainException.validation(path + " must be connected or disconnected");
  }

  // ---- attribute names

  private static DeviceQuery attributeName(JsonValue value, String path) {
    List<DeviceQuery> conditions = operatorParts(QueryField.name, value, path);
    List<DeviceQuery> attributes = new ArrayList<>(conditions.size());
    for (DeviceQuery condition : conditions) {
      if (!(condition instanceof FieldCondition f)) {
        attributes.add(condition); // NOTHING, from an empty $in
        continue;
      }
      List<String> names = new ArrayList<>(f.values().size());
      f.values().forEach(v -> names.add((String) v));
      attributes.add(new AttributeCondition(f.operator(), names, f.caseInsensitive()));
    }
    return DeviceQuery.and(attributes);
  }

  // ---- shared

  static JsonObject object(JsonValue value, String path) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw DomainException.validation(path + " must be an object");
  }

  private static JsonArray array(JsonValue value, String path) {
    if (!(value instanceof JsonArray array)) {
      throw DomainException.validation(path + " must be an array");
    }
    if (array.size() > MAX_ITEMS) {
      throw DomainException.validation(path + " may hold at most " + MAX_ITEMS + " entries");
    }
    return array;
  }

  /** The array of {@code $in}/{@code $nin}: at most {@value #MAX_ITEMS} values. */
  static JsonArray list(JsonValue value, String path) {
    return array(value, path);
  }

  private static String text(JsonValue value, String path) {
    if (value instanceof JsonString s && !s.getString().isEmpty()) {
      return s.getString();
    }
    throw DomainException.validation(path + " must be a non-empty string");
  }
}
