package io.devices.web.device;

import io.devices.api.CommandAccepted;
import io.devices.api.DevicePost;
import io.devices.api.ExportAccepted;
import io.devices.api.ExportPost;
import io.devices.api.MultiDeviceCommand;
import io.devices.core.auth.Action;
import io.devices.core.command.Commands;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceListing;
import io.devices.core.device.DeviceRegistration;
import io.devices.core.export.ExportRequest;
import io.devices.core.export.ExportRequests;
import io.devices.web.access.Allows;
import io.devices.web.access.CurrentCaller;
import io.devices.web.command.CommandDrafts;
import io.devices.web.export.ExportParameters;
import io.devices.web.json.OptionalBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

  /** The whole query (for the bracketed tagFilter form) and the base URL of download links. */
  @Context UriInfo uri;

  @GET
  @Allows(Action.DEVICES_GET)
  @Operation(operationId = "devicesGet", summary = "Returns the devices for an application")
  @APIResponse(
      responseCode = "200",
      description = "Devices; ObjectFormDevices when tagsAsObject or attributesAsObject is true",
      content =
          @Content(
              schema =
                  @Schema(
                      oneOf = {
                        io.devices.api.Devices.class,
                        io.devices.api.ObjectFormDevices.class
                      })))
  public Response list(@BeanParam DeviceListParameters parameters, @BeanParam DeviceListForm form) {
    DeviceView view = form.read();
    DeviceListRequest request = parameters.read(application(), uri.getQueryParameters());
    Page<Device> page = listing.list(request);
    // A Response, so that the page is written as its own record type: Devices or ObjectFormDevices.
    return Response.ok(
            DeviceViews.page(
                request, parameters.givenFilter(), parameters.givenQuery(), page, view))
        .build();
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
  public Response create(DevicePost body) {
    String application = application();
    Device device = registration.register(application, DeviceDrafts.of(body));
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
  @RequestBody(
      required = false,
      description = "Optional; its fields win over the query parameters of the same name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportPost.class)))
  @APIResponse(
      responseCode = "200",
      description = "The export is recorded and runs in the background",
      content = @Content(schema = @Schema(implementation = ExportAccepted.class)))
  public ExportAccepted export(
      @BeanParam ExportParameters parameters, @OptionalBody ExportPost body) {
    ExportRequest request = parameters.read(application(), body, uri.getBaseUri().toString());
    String exportId = exports.submit(request, caller.get()).id();
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
  public CommandAccepted sendCommand(MultiDeviceCommand body) {
    String application = application();
    String commandId = commands.send(application, CommandDrafts.of(body, Instant.now())).id();
    return new CommandAccepted(true, commandId);
  }

  private String application() {
    return ObjectIds.require("applicationId", applicationId);
  }
}
