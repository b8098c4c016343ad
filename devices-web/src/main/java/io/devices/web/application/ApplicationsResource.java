package io.devices.web.application;

import io.devices.api.ApplicationPost;
import io.devices.core.application.Application;
import io.devices.core.application.ApplicationDraft;
import io.devices.core.application.Applications;
import io.devices.core.auth.Action;
import io.devices.core.common.ObjectIds;
import io.devices.core.common.Page;
import io.devices.web.Wire;
import io.devices.web.access.Allows;
import io.devices.web.access.CurrentCaller;
import io.devices.web.json.JsonBodies;
import io.devices.web.json.JsonFields;
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
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
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
  private static final Set<String> POST_FIELDS = Set.of("name", "description", "orgId");

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
  public Response create(InputStream body) {
    JsonFields json = JsonBodies.requireObject(body).allowOnly(POST_FIELDS);
    Application created =
        applications.create(
            new ApplicationDraft(
                json.string("name"), json.string("description"), json.string("orgId")));
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
    Page<Application> found = applications.list(caller.get(), Wire.paging(page, perPage));
    return new io.devices.api.Applications(
        found.items().stream().map(ApplicationViews::of).toList(),
        found.items().size(),
        found.totalCount(),
        found.perPage(),
        found.page());
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
