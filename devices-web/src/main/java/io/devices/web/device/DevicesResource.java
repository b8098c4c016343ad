package io.devices.web.device;

import io.devices.api.AttributeNames;
import io.devices.api.BulkResult;
import io.devices.api.CommandAccepted;
import io.devices.api.DeviceNames;
import io.devices.api.DevicePost;
import io.devices.api.DeviceSummary;
import io.devices.api.DevicesPatch;
import io.devices.api.DevicesSelection;
import io.devices.api.ExportAccepted;
import io.devices.api.ExportPost;
import io.devices.api.JobQueued;
import io.devices.api.MultiDeviceCommand;
import io.devices.api.TagKeys;
import io.devices.api.TagValues;
import io.devices.core.auth.Action;
import io.devices.core.command.Commands;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.core.device.AttributeType;
import io.devices.core.device.Device;
import io.devices.core.device.DeviceListRequest;
import io.devices.core.device.DeviceListing;
import io.devices.core.device.DeviceRegistration;
import io.devices.core.device.DeviceRow;
import io.devices.core.device.bulk.BulkAction;
import io.devices.core.device.bulk.BulkChange;
import io.devices.core.device.bulk.BulkChanges;
import io.devices.core.device.bulk.BulkRequest;
import io.devices.core.device.metadata.FleetMetadata;
import io.devices.core.device.metadata.Prefix;
import io.devices.core.device.query.DeviceQuery;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Devices resource: Get, Post, Export, Send Command, the fleet metadata and the bulk changes.
 * One device's actions are in {@link DeviceResource}, on the same root path.
 */
@Path("/applications/{applicationId}/devices")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Devices")
public class DevicesResource {
  @Inject DeviceListing listing;
  @Inject DeviceRegistration registration;
  @Inject ExportRequests exports;
  @Inject Commands commands;
  @Inject FleetMetadata metadata;
  @Inject CurrentCaller caller;
  @Inject BulkChanges bulk;

  private static final String QUERY =
      "An advanced device query (JSON): only the devices it selects; all when absent";
  private static final String STARTS_WITH = "Only entries starting with this, case-insensitively";

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
    DeviceListRequest request =
        parameters.read(application(), uri.getQueryParameters(), form.presence());
    Page<DeviceRow> page = listing.list(request);
    // Written by hand (the records above stay its schema): Yasson spent more on a page than SQL.
    String json =
        DevicePageJson.of(request, parameters.givenFilter(), parameters.givenQuery(), page, view);
    return Response.ok(json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE)
        .build();
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

  // ---- bulk changes: done within the request (200) or as a job (202)

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICES_PATCH)
  @Operation(
      operationId = "devicesPatch",
      summary = "Updates the fields of many devices: at once, or as a job for a large selection")
  @RequestBody(content = @Content(schema = @Schema(implementation = DevicesPatch.class)))
  @APIResponse(
      responseCode = "200",
      description = "Done within the request: updated, failed, skipped",
      content = @Content(schema = @Schema(implementation = BulkResult.class)))
  @APIResponse(
      responseCode = "202",
      description = "Recorded as a job; its result is mailed and/or called back",
      content = @Content(schema = @Schema(implementation = JobQueued.class)))
  public Response patchMany(DevicesPatch body) {
    return BulkViews.of(bulk.submit(BulkForms.patch(application(), body)), BulkAction.patch);
  }

  @POST
  @Path("/delete")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICES_DELETE)
  @Operation(
      operationId = "devicesDelete",
      summary = "Deletes the devices a query selects: at once, or as a job")
  @RequestBody(content = @Content(schema = @Schema(implementation = DevicesSelection.class)))
  @APIResponse(
      responseCode = "200",
      description = "Done within the request: removed, failed",
      content = @Content(schema = @Schema(implementation = BulkResult.class)))
  @APIResponse(
      responseCode = "202",
      description = "Recorded as a job; its result is mailed and/or called back",
      content = @Content(schema = @Schema(implementation = JobQueued.class)))
  public Response deleteMany(DevicesSelection body) {
    BulkRequest request = BulkForms.selection(application(), body, BulkChange.delete());
    return BulkViews.of(bulk.submit(request), BulkAction.delete);
  }

  @POST
  @Path("/restore")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.DEVICES_RESTORE)
  @Operation(
      operationId = "devicesRestore",
      summary = "Restores the deleted devices a query selects: at once, or as a job")
  @RequestBody(content = @Content(schema = @Schema(implementation = DevicesSelection.class)))
  @APIResponse(
      responseCode = "200",
      description = "Done within the request: restored, failed",
      content = @Content(schema = @Schema(implementation = BulkResult.class)))
  @APIResponse(
      responseCode = "202",
      description = "Recorded as a job; its result is mailed and/or called back",
      content = @Content(schema = @Schema(implementation = JobQueued.class)))
  public Response restoreMany(DevicesSelection body) {
    BulkRequest request = BulkForms.selection(application(), body, BulkChange.restore());
    return BulkViews.of(bulk.submit(request), BulkAction.restore);
  }

  // ---- fleet metadata: literal paths, so JAX-RS never takes "tagKeys" for a {deviceId}

  @GET
  @Path("/tagKeys")
  @Allows(Action.DEVICES_TAG_KEYS)
  @Operation(
      operationId = "devicesTagKeys",
      summary = "Returns the tag keys of the devices a query selects (at most 1,000, sorted)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = TagKeys.class)))
  public TagKeys tagKeys(
      @QueryParam("query") @Parameter(description = QUERY) String query,
      @QueryParam("startsWith") @Parameter(description = STARTS_WITH) String startsWith) {
    return new TagKeys(
        metadata.tagKeys(application(), QueryParameter.read(query), Prefix.of(startsWith)));
  }

  @GET
  @Path("/tagValues")
  @Allows(Action.DEVICES_TAG_VALUES)
  @Operation(
      operationId = "devicesTagValues",
      summary = "Returns the tag values of the devices a query selects (at most 1,000, sorted)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = TagValues.class)))
  public TagValues tagValues(
      @QueryParam("query") @Parameter(description = QUERY) String query,
      @QueryParam("key")
          @Parameter(
              description = "Only the values under this tag key",
              schema = @Schema(pattern = "^[0-9a-zA-Z_-]{1,255}$"))
          String key,
      @QueryParam("startsWith") @Parameter(description = STARTS_WITH) String startsWith) {
    String application = application();
    DeviceQuery selection = QueryParameter.read(query);
    Prefix prefix = Prefix.of(startsWith);
    Optional<String> tagKey = Optional.ofNullable(key).filter(k -> !k.isBlank());
    return new TagValues(
        tagKey.orElse(null), metadata.tagValues(application, selection, tagKey, prefix));
  }

  @GET
  @Path("/attributeNames")
  @Allows(Action.DEVICES_ATTRIBUTE_NAMES)
  @Operation(
      operationId = "devicesAttributeNames",
      summary =
          "Returns the attribute names of the devices a query selects (at most 1,000, sorted)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = AttributeNames.class)))
  public AttributeNames attributeNames(
      @QueryParam("query") @Parameter(description = QUERY) String query,
      @QueryParam("startsWith") @Parameter(description = STARTS_WITH) String startsWith,
      // Documents dataType; the values are read from the whole query, where the clients may
      // also send them indexed (dataType[0]=number).
      @QueryParam("dataType")
          @Parameter(
              description =
                  "Only attributes of these data types (string, number, gps, boolean):"
                      + " dataType=x, or dataType[N]=x",
              schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
          List<String> dataType) {
    String application = application();
    DeviceQuery selection = QueryParameter.read(query);
    Prefix prefix = Prefix.of(startsWith);
    Set<AttributeType> types =
        Set.copyOf(ArrayParameter.read(uri.getQueryParameters(), "dataType", AttributeType::parse));
    return new AttributeNames(metadata.attributeNames(application, selection, prefix, types));
  }

  @GET
  @Path("/deviceNames")
  @Allows(Action.DEVICES_DEVICE_NAMES)
  @Operation(
      operationId = "devicesDeviceNames",
      summary =
          "Returns the id, name and class of the devices a query selects (at most 1,000, by name)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = DeviceNames.class)))
  public DeviceNames deviceNames(
      @QueryParam("query") @Parameter(description = QUERY) String query,
      @QueryParam("startsWith") @Parameter(description = STARTS_WITH) String startsWith) {
    String application = application();
    List<DeviceSummary> devices =
        metadata
            .deviceNames(application, QueryParameter.read(query), Prefix.of(startsWith))
            .stream()
            .map(d -> new DeviceSummary(d.id(), d.name(), d.deviceClass().name()))
            .toList();
    return new DeviceNames(devices);
  }

  private String application() {
    return ObjectIds.require("applicationId", applicationId);
  }
}
