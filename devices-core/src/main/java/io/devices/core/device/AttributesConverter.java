package io.devices.core.device;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.List;

/** Stores a device's attributes as a JSON array of {name, dataType}, keeping their order. */
@Converter
public class AttributesConverter implements AttributeConverter<List<Attribute>, String> {
  @Override
  public String convertToDatabaseColumn(List<Attribute> attributes) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    attributes.forEach(
        a ->
            array.add(
                Json.createObjectBuilder()
                    .add("name", a.name())
                    .add("dataType", a.dataType().wireName())));
    return array.build().toString();
  }

  @Override
  public List<Attribute> convertToEntityAttribute(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
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
