package io.devices.core.device;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/** Stores a device's tags as a JSON array of {key, value}, keeping their order. */
@Converter
public class TagsConverter implements AttributeConverter<List<Tag>, String> {
  /** Looked up once: Json.createXxx() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public String convertToDatabaseColumn(List<Tag> tags) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    tags.forEach(
        t -> array.add(JSON.createObjectBuilder().add("key", t.key()).add("value", t.value())));
    return array.build().toString();
  }

  @Override
  public List<Tag> convertToEntityAttribute(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(o -> new Tag(o.getString("key"), o.getString("value")))
          .toList();
    }
  }
}
