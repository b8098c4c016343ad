package io.devices.formats;

import io.devices.spi.export.ExportedDevice;
import io.devices.spi.export.ExportedDevice.Attribute;
import io.devices.spi.export.ExportedDevice.Tag;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** The device object both JSON formats must produce, built with the JSON-P object model. */
final class JsonExpectations {
  static final List<String> KEYS =
      List.of(
          "id",
          "name",
          "description",
          "deviceClass",
          "gatewayId",
          "creationDate",
          "lastUpdated",
          "tags",
          "attributes");

  private JsonExpectations() {}

  static JsonObject expected(ExportedDevice d) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", d.id())
            .add("name", d.name())
            .add("description", d.description())
            .add("deviceClass", d.deviceClass());
    if (d.gatewayId() == null) {
      b.addNull("gatewayId");
    } else {
      b.add("gatewayId", d.gatewayId());
    }
    b.add("creationDate", d.creationDate().toString())
        .add("lastUpdated", d.lastUpdated().toString());
    JsonArrayBuilder tags = Json.createArrayBuilder();
    for (Tag tag : d.tags()) {
      tags.add(Json.createObjectBuilder().add("key", tag.key()).add("value", tag.value()));
    }
    JsonArrayBuilder attributes = Json.createArrayBuilder();
    for (Attribute a : d.attributes()) {
      attributes.add(
          Json.createObjectBuilder().add("name", a.name()).add("dataType", a.dataType()));
    }
    return b.add("tags", tags).add("attributes", attributes).build();
  }

  static JsonValue read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
