package io.devices.web.command;

import io.devices.api.CommandDeliveries;
import io.devices.core.auth.Action;
import io.devices.core.command.CommandDelivery;
import io.devices.core.command.Commands;
import io.devices.core.command.DeliveryState;
import io.devices.core.common.DomainException;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.web.Wire;
import io.devices.web.access.Allows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The progress of sent commands (an extension of the Losant API). */
@Path("/applications/{applicationId}/devices/commands/{commandId}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Devices")
public class CommandsResource {
  @Inject Commands commands;

  @PathParam("applicationId")
  String applicationId;

  @PathParam("commandId")
  String commandId;

  @GET
  @Allows(Action.DEVICES_COMMAND_STATUS)
  @Operation(
      operationId = "devicesCommandStatus",
      summary = "Returns a sent command with counts of targeted, pending, delivered and failed")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.CommandStatus.class)))
  public io.devices.api.CommandStatus status() {
    return CommandViews.of(commands.status(application(), command()));
  }

  @GET
  @Path("/deliveries")
  @Allows(Action.DEVICES_COMMAND_STATUS)
  @Operation(
      operationId = "devicesCommandDeliveries",
      summary = "Pages through a command's deliveries: device, state, attempts, last error")
  @Parameter(
      name = "state",
      in = ParameterIn.QUERY,
      schema = @Schema(enumeration = {"pending", "delivered", "failed", "cancelled"}))
  @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(defaultValue = "0"))
  @Parameter(name = "perPage", in = ParameterIn.QUERY, schema = @Schema(defaultValue = "1000"))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = CommandDeliveries.class)))
  public CommandDeliveries deliveries(
      @QueryParam("state") String state,
      @QueryParam("page") String page,
      @QueryParam("perPage") String perPage) {
    Optional<DeliveryState> wanted = Optional.ofNullable(state).map(CommandsResource::state);
    Page<CommandDelivery> deliveries =
        commands.deliveries(application(), command(), wanted, Wire.paging(page, perPage));
    return CommandViews.deliveries(deliveries, state);
  }

  private static DeliveryState state(String state) {
    try {
      return DeliveryState.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw DomainException.validation(
          "state must be one of pending, delivered, failed, cancelled");
    }
  }

  private String application() {
    return ObjectIds.require("applicationId", applicationId);
  }

  private String command() {
    return ObjectIds.require("commandId", commandId);
  }
}
