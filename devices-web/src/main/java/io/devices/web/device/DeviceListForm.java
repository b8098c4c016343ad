package io.devices.web.device;

import io.devices.core.common.DomainException;
import io.devices.web.Wire;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters of a device list (a {@code @BeanParam}) that shape each device rather than select
 * devices: {@code tagsAsObject}, {@code attributesAsObject}, {@code excludeConnectionInfo}, and
 * {@code queryDeleted}, which only {@code false} passes until devices can be deleted. Each is
 * {@code true} or {@code false}; absent or blank is false.
 */
public class DeviceListForm {
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

  @QueryParam("queryDeleted")
  @Parameter(
      description = "Only false: listing deleted devices is not supported yet",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
  String queryDeleted;

  DeviceView read() {
    if (Wire.flag("queryDeleted", queryDeleted)) {
      throw DomainException.validation("queryDeleted is not supported yet");
    }
    return new DeviceView(
        Wire.flag("tagsAsObject", tagsAsObject),
        Wire.flag("attributesAsObject", attributesAsObject),
        Wire.flag("excludeConnectionInfo", excludeConnectionInfo));
  }
}
