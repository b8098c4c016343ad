package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application API token. {@code token} is present only in the response that creates it. */
@Schema(name = "ApiToken")
public record ApiToken(
    @Schema(description = "24-hex id") String id,
    @Schema(description = "Same as id") String apiTokenId,
    @Schema(description = "The application id") String ownerId,
    @Schema(enumeration = "application") String ownerType,
    @Schema(description = "Id of the owner or API token that created it") String creatorId,
    @Schema(enumeration = {"user", "apiToken"}) String creatorType,
    @Schema(description = "Name of the creator") String creatorName,
    @Schema(description = "Name") String name,
    @Schema(description = "Description, empty when not given") String description,
    @Schema(description = "ISO-8601 UTC with milliseconds") String creationDate,
    @Schema(description = "ISO-8601 UTC with milliseconds") String lastUpdated,
    @Schema(description = "ISO-8601; absent when the token never expires") String expirationDate,
    @Schema(description = "Scopes of the token") List<String> scope,
    @Schema(enumeration = {"active", "inactive"}) String status,
    @Schema(description = "The bearer token; returned once, on creation") String token) {}
