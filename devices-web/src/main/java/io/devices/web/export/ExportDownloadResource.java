package io.devices.web.export;

import io.devices.core.export.ExportDownloads;
import io.devices.web.access.SignedLink;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Export files, by the signed link sent in the email and the callback. The signature is the
 * authorization: no token is needed, so the link works from a mail client.
 */
@Path("/exports")
@RequestScoped
@Tag(name = "Devices")
public class ExportDownloadResource {
  @Inject ExportDownloads downloads;

  @GET
  @Path("/{exportId}")
  @SignedLink
  @Operation(
      operationId = "devicesExportDownload",
      summary = "Downloads an export file by its signed link (valid 24 hours by default)")
  @APIResponse(responseCode = "200", description = "The file, in the export format's media type")
  @APIResponse(responseCode = "404", description = "Wrong or expired link")
  public Response download(
      @PathParam("exportId") String exportId, @QueryParam("signature") String signature) {
    ExportDownloads.Download file = downloads.open(exportId, signature);
    return Response.ok(file.path().toFile(), file.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .build();
  }
}
