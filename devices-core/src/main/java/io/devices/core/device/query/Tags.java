package io.devices.core.device.query;

import io.devices.core.common.DomainException;
import io.devices.core.common.Texts;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code tags} key of a query. Its forms: pairs {@code {"floor": "8", "kind": null}}
 * (each must be a tag of the device; null is the key with any value), {@code {"$tagKey": K,
 * "$tagValue": V}} (one tag matching both), each of K, V and a pair's value being a string (or a
 * number or boolean, as its text), null, {@code {"$in": [...]}} or {@code {"$nin": [...]}}; and
 * {@code {"$eq": form}} / {@code {"$ne": form}} around either.
 */
final class Tags {
  private Tags() {}

  static DeviceQuery read(JsonValue value, String path) {
    JsonObject object = QueryReader.object(value, path);
    if (object.containsKey("$eq") || object.containsKey("$ne")) {
      if (object.size() != 1) {
        throw DomainException.validation(path + " must hold $eq or $ne alone");
      }
      boolean negated = object.containsKey("$ne");
      String inner = path + (negated ? ".$ne" : ".$eq");
      DeviceQuery form =
          form(QueryReader.object(object.get(negated ? "$ne" : "$eq"), inner), inner);
      return negated ? new Junction(Junction.Kind.nor, List.of(form)) : form;
    }
    return form(object, path);
  }

  private static DeviceQuery form(JsonObject object, String path) {
    if (object.isEmpty()) {
      throw DomainException.validation(path + " must name at least one tag");
    }
    if (object.containsKey("$tagKey") || object.containsKey("$tagValue")) {
      for (String key : object.keySet()) {
        if (!key.equals("$tagKey") && !key.equals("$tagValue")) {
          throw DomainException.validation(
              path + "." + key + " is not allowed beside $tagKey and $tagValue");
        }
      }
      return condition(
          match(object.get("$tagKey"), path + ".$tagKey", true),
          match(object.get("$tagValue"), path + ".$tagValue", false));
    }
    List<DeviceQuery> pairs = new ArrayList<>(object.size());
    for (Map.Entry<String, JsonValue> pair : object.entrySet()) {
      String pairPath = path + "." + pair.getKey();
      if (pair.getKey().startsWith("$")) {
        throw DomainException.validation(pairPath + " is not an operator of tags");
      }
      Texts.requireIdentifier(pairPath + " (a tag key)", pair.getKey());
      pairs.add(
          condition(TextMatch.equalTo(pair.getKey()), match(pair.getValue(), pairPath, false)));
    }
    return DeviceQuery.and(pairs);
  }

  /** One tag matching both; none when either must be in an empty list. */
  private static DeviceQuery condition(TextMatch key, TextMatch value) {
    boolean impossible =
        Stream.of(key, value).anyMatch(m -> m.kind() == TextMatch.Kind.in && m.values().isEmpty());
    return impossible ? QueryReader.NOTHING : new TagCondition(key, value);
  }

  /** A key's or value's match; absent or null matches any. */
  private static TextMatch match(JsonValue value, String path, boolean key) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return TextMatch.ANY;
    }
    if (!(value instanceof JsonObject object)) {
      return TextMatch.equalTo(text(value, path, key));
    }
    if (object.size() != 1 || !(object.containsKey("$in") || object.containsKey("$nin"))) {
      throw DomainException.validation(
          path + " must be a value, null, {\"$in\": [..]} or {\"$nin\": [..]}");
    }
    boolean in = object.containsKey("$in");
    String listPath = path + (in ? ".$in" : ".$nin");
    JsonArray array = QueryReader.list(object.get(in ? "$in" : "$nin"), listPath);
    if (array.isEmpty() && !in) {
      return TextMatch.ANY; // not in the empty list: any
    }
    List<String> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      values.add(text(array.get(i), listPath + "[" + i + "]", key));
    }
    return new TextMatch(in ? TextMatch.Kind.in : TextMatch.Kind.notIn, values);
  }

  private static String text(JsonValue value, String path, boolean key) {
    String text = QueryReader.scalarText(value, path);
    if (text == null) {
      throw DomainException.validation(path + " must be a string, number or boolean");
    }
    return key
        ? Texts.requireIdentifier(path, text)
        : Texts.requireLength(path, text, Texts.MAX_NAME);
  }
}
