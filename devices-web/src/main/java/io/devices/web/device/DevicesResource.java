package io.devices.web.device;

import io.devices.api.CommandAccepted;
import io.devices.api.DevicePost;
import io.devices.api.ExportAccepted;
import io.devices.api.MultiDeviceCommand;
import io.devices.core.auth.Action;
import io.devices.core.command.Commands;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListing;
import io.devices.core.device.DeviceQuery;
import io.devices.core.device.DeviceRegistration;
import io.devices.core.export.ExportRequests;
import io.devices.web.access.Allows;
import io.devices.web.access.CurrentCaller;
import io.devices.web.command.CommandBody;
import io.devices.web.export.ExportParameters;
import io.devices.web.json.JsonBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Devices resource: Get, Post, Export and Send Command. */
@Path("/applications/{applicationId}/devices")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Devices")
public class DevicesResource {
  @Inject DeviceListing listing;
  @Inject DeviceRegistration registration;
  @Inject ExportRequests exports;
  @Inject Commands commands;
  @Inject CurrentCaller caller;

  @PathParam("applicationId")
  String applicationId;

  @GET
  @Allows(Action.DEVICES_GET)
  @Operation(operationId = "devicesGet", summary = "Returns the devices for an application")
  @Parameter(
      name = "sortField",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              enumeration = {"name", "id", "creationDate"},
              defaultValue = "name"))
  @Parameter(
      name = "sortDirection",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              enumeration = {"asc", "desc"},
              defaultValue = "asc"))
  @Parameter(
      name = "page",
      in = ParameterIn.QUERY,
      description = "0-based page",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(
      name = "perPage",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              minimum = "1",
              maximum = "1000",
              defaultValue = "1000"))
  @Parameter(name = "filterField", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"name"}))
  @Parameter(
      name = "filter",
      in = ParameterIn.QUERY,
      description = "Case-insensitive glob on the whole name: * any run, ? one character",
      example = "my * device")
  @Parameter(
      name = "tagFilter",
      in = ParameterIn.QUERY,
      description =
          "Tag entries {key?, value?} flattened as tagFilter[N][key] and tagFilter[N][value]; a device matches any entry (or every entry with tagMatch=all)",
      example = "tagFilter[0][key]=floor&tagFilter[0][value]=8")
  @Parameter(
      name = "tagMatch",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              enumeration = {"any", "all"},
              defaultValue = "any"))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.Devices.class)))
  public io.devices.api.Devices list(@Context UriInfo uri) {
    DeviceQuery query = DeviceListParameters.read(application(), uri.getQueryParameters());
    Page<Device> page = listing.list(query);
    boolean named = query.nameGlob().isPresent();
    return new io.devices.api.Devices(
        page.items().stream().map(DeviceViews::of).toList(),
        page.items().size(),
        page.totalCount(),
        page.perPage(),
        page.page(),
        named ? query.nameGlob().get().glob() : null,
        named ? "name" : null,
        query.sortField().name(),
        query.sortDirection().name(),
        query.applicationId());
  }

  @GET
  @Path("/{deviceId}")
  @Allows(Action.DEVICES_GET)
  @Operation(
      operationId = "deviceGet",
      summary = "Returns one device (the Location of a new device)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.Device.class)))
  public io.devices.api.Device get(@PathParam("deviceId") String deviceId) {
    return DeviceViews.of(listing.get(application(), ObjectIds.require("deviceId", deviceId)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICES_POST)
  @Operation(operationId = "devicesPost", summary = "Create a new device for an application")
  @RequestBody(content = @Content(schema = @Schema(implementation = DevicePost.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = io.devices.api.Device.class)))
  public Response create(InputStream body) {
    String application = application();
    Device device =
        registration.register(application, DevicePostBody.read(JsonBodies.requireObject(body)));
    return Response.created(URI.create("/applications/" + application + "/devices/" + device.id()))
        .entity(DeviceViews.of(device))
        .build();
  }

  @POST
  @Path("/export")
  @Allows(Action.DEVICES_EXPORT)
  @Operation(
      operationId = "devicesExport",
      summary =
          "Creates an export of all device metadata, delivered by email and/or callback when ready")
  @Parameter(
      name = "email",
      in = ParameterIn.QUERY,
      description = "Where to email the link; default: the token's user's email")
  @Parameter(
      name = "callbackUrl",
      in = ParameterIn.QUERY,
      description = "An http(s) URL that receives a POST with the outcome")
  @Parameter(
      name = "format",
      in = ParameterIn.QUERY,
      description = "An installed export format",
      schema = @Schema(defaultValue = "csv", example = "csv"))
  @APIResponse(
      responseCode = "200",
      description = "The export is recorded and runs in the background",
      content = @Content(schema = @Schema(implementation = ExportAccepted.class)))
  public ExportAccepted export(@Context UriInfo uri) {
    String exportId = exports.submit(ExportParameters.read(application(), uri), caller.get()).id();
    return new ExportAccepted(true, exportId);
  }

  @POST
  @Path("/command")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICES_SEND_COMMAND)
  @Operation(
      operationId = "devicesSendCommand",
      summary = "Send a command to multiple devices, delivered in the background")
  @RequestBody(content = @Content(schema = @Schema(implementation = MultiDeviceCommand.class)))
  @APIResponse(
      responseCode = "200",
      description = "The command and its deliveries are recorded",
      content = @Content(schema = @Schema(implementation = CommandAccepted.class)))
  public CommandAccepted sendCommand(InputStream body) {
    String application = application();
    Instant now = Instant.now();
    String commandId =
        commands.send(application, CommandBody.read(JsonBodies.requireObject(body), now)).id();
    return new CommandAccepted(true, commandId);
  }

  private String application() {
    return ObjectIds.require("applicationId", applicationId);
  }
}
