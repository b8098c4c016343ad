package io.devices.core.device;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/** Stores a device's attributes as a JSON array of {name, dataType}, keeping their order. */
@Converter
public class AttributesConverter implements AttributeConverter<List<Attribute>, String> {
  /** Looked up once: Json.createXxx() would search the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public String convertToDatabaseColumn(List<Attribute> attributes) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    attributes.forEach(
        a ->
            array.add(
                JSON.createObjectBuilder()
                    .add("name", a.name())
                    .add("dataType", a.dataType().wireName())));
    return array.build().toString();
  }

  @Override
  public List<Attribute> convertToEntityAttribute(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(
              o ->
                  new Attribute(
                      o.getString("name"),
                      AttributeType.parse("dataType", o.getString("dataType"))))
          .toList();
    }
  }
}
