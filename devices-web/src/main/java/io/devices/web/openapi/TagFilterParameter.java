package io.devices.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the device list's {@code tagFilter}, which the official clients flatten with bracketed
 * indices ({@code tagFilter[0][key]=floor}): a form no JAX-RS parameter can declare, so it is added
 * to the document here rather than annotated on a parameter that does not exist.
 */
public class TagFilterParameter implements OASFilter {
  static final String OPERATION_ID = "devicesGet";

  @Override
  public Operation filterOperation(Operation operation) {
    if (OPERATION_ID.equals(operation.getOperationId())) {
      operation.addParameter(parameter());
    }
    return operation;
  }

  private static Parameter parameter() {
    Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
    Schema entry =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .addProperty("key", text)
            .addProperty("value", text);
    return OASFactory.createParameter()
        .name("tagFilter")
        .in(Parameter.In.QUERY)
        .style(Parameter.Style.DEEPOBJECT)
        .explode(true)
        .description(
            "Tag entries {key?, value?} flattened as tagFilter[N][key] and tagFilter[N][value]; a"
                + " device matches any entry (or every entry with tagMatch=all)")
        .example("tagFilter[0][key]=floor&tagFilter[0][value]=8")
        .schema(OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(entry));
  }
}
