package io.devices.web.device;

import io.devices.api.CommandAccepted;
import io.devices.api.DeviceCommand;
import io.devices.api.DeviceCommandEntry;
import io.devices.api.DevicePatch;
import io.devices.api.Success;
import io.devices.core.auth.Action;
import io.devices.core.command.CommandWindow;
import io.devices.core.command.DeviceCommands;
import io.devices.core.common.ObjectIds;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListing;
import io.devices.core.device.DeviceRow;
import io.devices.core.device.DeviceUpdates;
import io.devices.web.access.Allows;
import io.devices.web.command.CommandDrafts;
import io.devices.web.command.CommandViews;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Device resource: one device's Get, Patch, Delete, Send Command and Get Command. On the root
 * path of {@link DevicesResource}, so that its literal paths ({@code tagKeys}, {@code export}, ...)
 * are never taken for a device id.
 */
@Path("/applications/{applicationId}/devices")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Device")
public class DeviceResource {
  private static final String ONE = "/{deviceId}";

  @Inject DeviceListing listing;
  @Inject DeviceUpdates updates;
  @Inject DeviceCommands commands;

  @PathParam("applicationId")
  String applicationId;

  @PathParam("deviceId")
  String deviceId;

  /** If-Match: read here rather than as a parameter, as docs/api.md documents it in prose. */
  @Context HttpHeaders headers;

  @GET
  @Path(ONE)
  @Allows(Action.DEVICE_GET)
  @Operation(operationId = "deviceGet", summary = "Returns a device")
  @APIResponse(
      responseCode = "200",
      description = "Device; ObjectFormDevice when tagsAsObject or attributesAsObject is true",
      headers =
          @Header(
              name = HttpHeaders.ETAG,
              description = "Changes with every update",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              schema =
                  @Schema(
                      oneOf = {
                        io.devices.api.Device.class,
                        io.devices.api.ObjectFormDevice.class
                      })))
  public Response get(@BeanParam DeviceForm form) {
    DeviceView view = form.read();
    DeviceRow device = listing.row(application(), device());
    // Read and written like a list's device: no entity, no Yasson.
    String json = DevicePageJson.device(device, view);
    return Response.ok(json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE)
        .tag(EntityTags.of(device.version()))
        .build();
  }

  @PATCH
  @Path(ONE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICE_PATCH)
  @Operation(
      operationId = "devicePatch",
      summary = "Updates a device: each given field replaces the stored one")
  @RequestBody(content = @Content(schema = @Schema(implementation = DevicePatch.class)))
  @APIResponse(
      responseCode = "200",
      description = "The updated device; ObjectFormDevice when tagsAsObject or attributesAsObject",
      headers =
          @Header(
              name = HttpHeaders.ETAG,
              description = "Changes with every update",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              schema =
                  @Schema(
                      oneOf = {
                        io.devices.api.Device.class,
                        io.devices.api.ObjectFormDevice.class
                      })))
  @APIResponse(
      responseCode = "412",
      description = "The If-Match header names an older version of the device; nothing changed")
  public Response patch(@BeanParam DeviceForm form, DevicePatch body) {
    DeviceView view = form.read();
    String application = application();
    String device = device();
    var change = DevicePatches.of(body).requireSome();
    var expected = EntityTags.expected(headers.getHeaderString(HttpHeaders.IF_MATCH));
    return withTag(updates.change(application, device, change, expected).device(), view);
  }

  @DELETE
  @Path(ONE)
  @Allows(Action.DEVICE_DELETE)
  @Operation(
      operationId = "deviceDelete",
      summary = "Deletes a device (soft: listed with queryDeleted=true until purged)")
  @APIResponse(
      responseCode = "200",
      description = "Deleted",
      content = @Content(schema = @Schema(implementation = Success.class)))
  @APIResponse(
      responseCode = "412",
      description = "The If-Match header names an older version of the device; nothing changed")
  public Success delete() {
    String application = application();
    String device = device();
    updates.delete(
        application, device, EntityTags.expected(headers.getHeaderString(HttpHeaders.IF_MATCH)));
    return new Success(true);
  }

  @POST
  @Path(ONE + "/command")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICE_SEND_COMMAND)
  @Operation(
      operationId = "deviceSendCommand",
      summary = "Sends a command to a device, delivered in the background")
  @RequestBody(content = @Content(schema = @Schema(implementation = DeviceCommand.class)))
  @APIResponse(
      responseCode = "200",
      description = "The command and its delivery are recorded",
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  public CommandAccepted sendCommand(DeviceCommand body) {
    String application = application();
    String device = device();
    var draft = CommandDrafts.of(body, device, Instant.now());
    return new CommandAccepted(true, commands.send(application, device, draft).id());
  }

  @GET
  @Path(ONE + "/command")
  @Allows(Action.DEVICE_GET_COMMAND)
  @Operation(
      operationId = "deviceGetCommand",
      summary = "Returns the commands sent to a device, newest first by default")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceCommandEntry.class)))
  public List<DeviceCommandEntry> commands(@BeanParam CommandWindowParameters parameters) {
    String application = application();
    String device = device();
    CommandWindow window = parameters.read(Instant.now());
    return commands.sentTo(application, device, window).stream().map(CommandViews::of).toList();
  }

  private static Response withTag(Device device, DeviceView view) {
    return Response.ok(DeviceViews.one(device, view)).tag(EntityTags.of(device)).build();
  }

  private String application() {
    return ObjectIds.require("applicationId", applicationId);
  }

  private String device() {
    return ObjectIds.require("deviceId", deviceId);
  }
}
