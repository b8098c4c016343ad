package io.devices.web.device;

import io.devices.web.Wire;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters (a {@code @BeanParam}) that shape how a device is written, for one device and for
 * each device of a list: {@code tagsAsObject}, {@code attributesAsObject}, {@code
 * excludeConnectionInfo}. Each is {@code true} or {@code false}; absent or blank is false.
 */
public class DeviceForm {
  @QueryParam("tagsAsObject")
  @Parameter(
      description =
          "true: each device's tags as {key: value}; a repeated key maps to the array of its values",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
  String tagsAsObject;

  @QueryParam("attributesAsObject")
  @Parameter(
      description = "true: each device's attributes as {name: {\"dataType\": ...}}",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
  String attributesAsObject;

  @QueryParam("excludeConnectionInfo")
  @Parameter(
      description = "true: devices without connectionInfo",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
  String excludeConnectionInfo;

  DeviceView read() {
    return new DeviceView(
        Wire.flag("tagsAsObject", tagsAsObject),
        Wire.flag("attributesAsObject", attributesAsObject),
        Wire.flag("excludeConnectionInfo", excludeConnectionInfo));
  }
}
