package io.devices.web.device;

import io.devices.core.device.query.Presence;
import io.devices.web.Wire;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters of a device list that shape each device ({@link DeviceForm}) and {@code
 * queryDeleted}: the deleted devices instead of the live ones, each with its {@code deletedAt}.
 */
public class DeviceListForm extends DeviceForm {
  @QueryParam("queryDeleted")
  @Parameter(
      description = "true: list the deleted devices instead, each with deletedAt",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
  String queryDeleted;

  /** The live devices, or the deleted ones. */
  Presence presence() {
    return Wire.flag("queryDeleted", queryDeleted) ? Presence.deleted() : Presence.live();
  }
}
