package io.devices.web.token;

import io.devices.api.ApiTokenPatch;
import io.devices.api.ApiTokenPost;
import io.devices.api.Success;
import io.devices.core.auth.Action;
import io.devices.core.auth.ApiToken;
import io.devices.core.auth.ApiTokens;
import io.devices.core.auth.IssuedToken;
import io.devices.core.auth.TokenChanges;
import io.devices.core.auth.TokenDraft;
import io.devices.core.auth.TokenStatus;
import io.devices.core.common.ObjectIds;
import io.devices.web.Wire;
import io.devices.web.access.Allows;
import io.devices.web.access.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issue, list, inspect, change and delete an application's API tokens. */
@Path("/applications/{applicationId}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Application API tokens")
public class TokensResource {
  @Inject ApiTokens tokens;
  @Inject CurrentCaller caller;

  @PathParam("applicationId")
  String applicationId;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.TOKENS_POST)
  @Operation(operationId = "applicationApiTokensPost", summary = "Create an API token")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiTokenPost.class)))
  @APIResponse(
      responseCode = "201",
      description = "The token, with its secret in `token` (shown only here)",
      content = @Content(schema = @Schema(implementation = io.devices.api.ApiToken.class)))
  public Response issue(ApiTokenPost body) {
    String application = application();
    TokenDraft draft =
        new TokenDraft(
            body.name(),
            body.description(),
            Wire.parseDate("expirationDate", body.expirationDate()),
            body.scope());
    IssuedToken issued = tokens.issue(application, draft, caller.get());
    return Response.created(
            URI.create("/applications/" + application + "/tokens/" + issued.token().id()))
        .entity(TokenViews.of(issued.token(), issued.secret()))
        .build();
  }

  @GET
  @Allows(Action.TOKENS_GET)
  @Operation(operationId = "applicationApiTokensGet", summary = "List the application's tokens")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.ApiTokens.class)))
  public io.devices.api.ApiTokens list() {
    return TokenViews.list(tokens.list(application()));
  }

  @GET
  @Path("/{apiTokenId}")
  @Allows(Action.TOKEN_GET)
  @Operation(operationId = "applicationApiTokenGet", summary = "Get one API token")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.ApiToken.class)))
  public io.devices.api.ApiToken get(@PathParam("apiTokenId") String apiTokenId) {
    return TokenViews.of(tokens.get(application(), tokenId(apiTokenId)), null);
  }

  @PATCH
  @Path("/{apiTokenId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allows(Action.TOKEN_PATCH)
  @Operation(
      operationId = "applicationApiTokenPatch",
      summary = "Rename, describe, activate or deactivate an API token")
  @RequestBody(content = @Content(schema = @Schema(implementation = ApiTokenPatch.class)))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = io.devices.api.ApiToken.class)))
  public io.devices.api.ApiToken change(
      @PathParam("apiTokenId") String apiTokenId, ApiTokenPatch body) {
    String application = application();
    String token = tokenId(apiTokenId);
    String status = body.status();
    TokenChanges changes =
        new TokenChanges(
            body.name(),
            body.description(),
            status == null ? null : TokenStatus.parse("status", status));
    ApiToken changed = tokens.change(application, token, changes);
    return TokenViews.of(changed, null);
  }

  @DELETE
  @Path("/{apiTokenId}")
  @Allows(Action.TOKEN_DELETE)
  @Operation(operationId = "applicationApiTokenDelete", summary = "Delete an API token")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Success.class)))
  public Success delete(@PathParam("apiTokenId") String apiTokenId) {
    tokens.delete(application(), tokenId(apiTokenId));
    return new Success(true);
  }

  private String application() {
    return ObjectIds.require("applicationId", applicationId);
  }

  private static String tokenId(String apiTokenId) {
    return ObjectIds.require("apiTokenId", apiTokenId);
  }
}
