package io.devices.web.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents both forms of an {@code ObjectFormDevice}'s {@code tags} and {@code attributes}: the
 * list of the default form or the object that {@code tagsAsObject} / {@code attributesAsObject} ask
 * for. Their record components are {@code Object}, which no annotation can describe as "an array of
 * this or a map of that", so the schemas are written here.
 */
public class ObjectFormSchemas implements OASFilter {
  static final String DEVICE = "ObjectFormDevice";
  private static final String COMPONENTS = "#/components/schemas/";

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
      return;
    }
    Schema device = document.getComponents().getSchemas().get(DEVICE);
    if (device == null || device.getProperties() == null) {
      return;
    }
    // getProperties() is a read-only view; addProperty replaces a property of the same name.
    Map<String, Schema> properties = device.getProperties();
    device.addProperty("tags", either(properties.get("tags"), listOf("DeviceTag"), tagObject()));
    device.addProperty(
        "attributes",
        either(properties.get("attributes"), listOf("DeviceAttribute"), attributeObject()));
  }

  private static Schema either(Schema generated, Schema list, Schema object) {
    String description = generated == null ? null : generated.getDescription();
    return OASFactory.createSchema().description(description).oneOf(List.of(list, object));
  }

  private static Schema listOf(String component) {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.ARRAY)
        .items(OASFactory.createSchema().ref(COMPONENTS + component));
  }

  /** {@code {key: value}}, or {@code {key: [values]}} for a key the device holds several times. */
  private static Schema tagObject() {
    Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
    Schema texts = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(text);
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .additionalPropertiesSchema(OASFactory.createSchema().oneOf(List.of(text, texts)));
  }

  /** {@code {name: {"dataType": ...}}}. */
  private static Schema attributeObject() {
    Schema dataType =
        OASFactory.createSchema()
            .type(Schema.SchemaType.STRING)
            .enumeration(List.of("string", "number", "gps", "boolean"));
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .additionalPropertiesSchema(
            OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("dataType", dataType));
  }
}
