package io.devices.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The changes a PATCH may make to an API token. No other fields are allowed. */
@Schema(name = "ApiTokenPatch", additionalProperties = Schema.False.class)
public record ApiTokenPatch(
    @Schema(minLength = 1, maxLength = 255) String name,
    @Schema(maxLength = 32767) String description,
    @Schema(enumeration = {"active", "inactive"}) String status) {}
