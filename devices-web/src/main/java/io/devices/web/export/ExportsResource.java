package io.devices.web.export;

import io.devices.core.auth.Action;
import io.devices.core.common.ObjectIds;
import io.devices.core.export.ExportRequests;
import io.devices.web.access.Allows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The status of export jobs (an extension of the Losant API). */
@Path("/applications/{applicationId}/devices/exports")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Devices")
public class ExportsResource {
  @Inject ExportRequests exports;

  @GET
  @Path("/{exportId}")
  @Allows(Action.DEVICES_EXPORT)
  @Operation(
      operationId = "devicesExportStatus",
      summary = "Returns an export job: its state, device count, error and download link")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.ExportStatus.class)))
  public io.devices.api.ExportStatus status(
      @PathParam("applicationId") String applicationId, @PathParam("exportId") String exportId) {
    return ExportViews.of(
        exports.status(
            ObjectIds.require("applicationId", applicationId),
            ObjectIds.require("exportId", exportId)));
  }
}
