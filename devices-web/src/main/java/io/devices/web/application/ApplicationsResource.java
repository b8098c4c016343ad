package io.devices.web.application;

import io.devices.api.ApplicationPost;
import io.devices.core.application.Application;
import io.devices.core.application.ApplicationDraft;
import io.devices.core.application.Applications;
import io.devices.core.auth.Action;
import io.devices.core.common.ObjectIds;
import io.devices.web.Wire;
import io.devices.web.access.Allows;
import io.devices.web.access.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Create, list and get applications. */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Applications")
public class ApplicationsResource {
  @Inject Applications applications;
  @Inject CurrentCaller caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.APPLICATIONS_POST)
  @Operation(operationId = "applicationsPost", summary = "Create an application")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApplicationPost.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = io.devices.api.Application.class)))
  public Response create(ApplicationPost body) {
    Application created =
        applications.create(new ApplicationDraft(body.name(), body.description(), body.orgId()));
    return Response.created(URI.create("/applications/" + created.id()))
        .entity(ApplicationViews.of(created))
        .build();
  }

  @GET
  @Allows(Action.APPLICATIONS_GET)
  @Operation(operationId = "applicationsGet", summary = "List the applications the token sees")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.Applications.class)))
  public io.devices.api.Applications list(
      @QueryParam("page") String page, @QueryParam("perPage") String perPage) {
    return ApplicationViews.page(applications.list(caller.get(), Wire.paging(page, perPage)));
  }

  @GET
  @Path("/{applicationId}")
  @Allows(Action.APPLICATION_GET)
  @Operation(operationId = "applicationGet", summary = "Get one application")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.Application.class)))
  public io.devices.api.Application get(@PathParam("applicationId") String applicationId) {
    return ApplicationViews.of(
        applications.require(ObjectIds.require("applicationId", applicationId)));
  }
}
