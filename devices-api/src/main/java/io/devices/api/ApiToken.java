package io.devices.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application API token. {@code token} is present only in the response that creates it. */
@Schema(name = "ApiToken")
public record ApiToken(
    String id,
    @Schema(description = "Same as id") String apiTokenId,
    @Schema(description = "The application id") String ownerId,
    @Schema(enumeration = "application") String ownerType,
    String creatorId,
    @Schema(enumeration = {"user", "apiToken"}) String creatorType,
    String creatorName,
    String name,
    String description,
    String creationDate,
    String lastUpdated,
    String expirationDate,
    List<String> scope,
    @Schema(enumeration = {"active", "inactive"}) String status,
    @Schema(description = "The bearer token; returned once, on creation") String token) {}
